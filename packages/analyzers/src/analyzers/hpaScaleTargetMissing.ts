import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { hpaSpecOf, scaleTargetOf } from '../hpaHelpers.js';
import { conditionOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'hpa-scale-target-missing';
const SCALABLE = ['Deployment', 'StatefulSet', 'ReplicaSet'];

/**
 * HorizontalPodAutoscalers whose `scaleTargetRef` names a workload that does not exist (or that reports
 * `AbleToScale=False`): the autoscaler does nothing.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export const hpaScaleTargetMissing = defineAnalyzer({
  id: ID,
  kinds: ['HorizontalPodAutoscaler', ...SCALABLE],
  description: 'HPAs whose scale target does not exist',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const hpa of index.of('HorizontalPodAutoscaler')) {
      const ref = hpaSpecOf(hpa).scaleTargetRef ?? {};
      const known = ref.kind && SCALABLE.includes(ref.kind) && index.listed(ref.kind);
      const able = conditionOf(hpa, 'AbleToScale');
      const missing = known && !scaleTargetOf(index, hpa);
      if (!missing && able?.status !== 'False') continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: hpa,
          message: missing
            ? `HorizontalPodAutoscaler ${nameOf(hpa)} scales ${ref.kind} ${ref.name}, which does not exist`
            : `HorizontalPodAutoscaler ${nameOf(hpa)} cannot scale ${ref.kind} ${ref.name}: ${able?.message ?? able?.reason}`,
          evidence: [fieldEvidence(hpa, 'spec.scaleTargetRef', ref), ...(able ? [conditionEvidence(hpa, able)] : [])],
          sensitive: [ref.name],
          proposedFix: {
            description: 'Point scaleTargetRef at the workload to scale, or delete the autoscaler',
            command: `kubectl get deployments,statefulsets -n ${hpa.metadata.namespace ?? 'default'}`,
          },
          docsUrl: DOCS.hpa,
        }),
      );
    }
    return findings;
  },
});

import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { hpaSpecOf } from '../hpaHelpers.js';
import { conditionOf, statusOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'hpa-at-max-replicas';

/**
 * HPAs pinned at `maxReplicas` while wanting more (`ScalingLimited` with `TooManyReplicas`, or desired ≥ max): the
 * load exceeds what the autoscaler may add. The fix raises the ceiling by half.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export const hpaAtMaxReplicas = defineAnalyzer({
  id: ID,
  kinds: ['HorizontalPodAutoscaler'],
  description: 'HPAs pinned at their maximum replicas',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const hpa of indexSnapshot(snapshot).of('HorizontalPodAutoscaler')) {
      const max = hpaSpecOf(hpa).maxReplicas;
      if (!max) continue;
      const status = statusOf<{ currentReplicas: number; desiredReplicas: number }>(hpa);
      const limited = conditionOf(hpa, 'ScalingLimited');
      const pinned = (status.currentReplicas ?? 0) >= max && (status.desiredReplicas ?? 0) >= max;
      if (!pinned && !(limited?.status === 'True' && limited.reason === 'TooManyReplicas')) continue;
      const body = { spec: { maxReplicas: Math.ceil(max * 1.5) } };
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: hpa,
          message: `HorizontalPodAutoscaler ${nameOf(hpa)} is pinned at its maximum of ${max} replicas and cannot add capacity`,
          evidence: [
            fieldEvidence(hpa, 'status', {
              currentReplicas: status.currentReplicas ?? 0,
              desiredReplicas: status.desiredReplicas ?? 0,
              maxReplicas: max,
            }),
            ...(limited ? [conditionEvidence(hpa, limited)] : []),
          ],
          proposedFix: {
            description: `Raise maxReplicas to ${body.spec.maxReplicas} if the cluster has room`,
            patch: { type: 'merge', body },
            command: patchCommand(hpa, 'merge', body),
          },
          docsUrl: DOCS.hpa,
        }),
      );
    }
    return findings;
  },
});

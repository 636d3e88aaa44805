import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, findingOf } from '../findingOf.js';
import { conditionOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'hpa-scaling-inactive';

/** What to do for each reason the controller gives for ScalingActive=False. */
const ADVICE: Record<string, string> = {
  FailedGetResourceMetric:
    'The resource metrics API gives no usage for the target pods: check that metrics-server runs (kubectl top pods) and that the containers set requests',
  FailedGetPodsMetric:
    'The custom metrics API does not serve the pods metric: check the metrics adapter and the metric name',
  FailedGetObjectMetric:
    'The custom metrics API does not serve the object metric: check the adapter and the described object',
  FailedGetExternalMetric: 'The external metrics API does not serve the metric: check the adapter and its selector',
  InvalidSelector: 'The scale target has no valid selector: fix the workload or point the autoscaler at the right one',
  InvalidMetricSourceType: 'A metric of the autoscaler has an unknown type: fix spec.metrics',
  ScalingDisabled: 'The target is scaled to zero, which disables autoscaling: scale it up to enable it again',
  FailedGetScale: 'The controller cannot read the target scale subresource: check scaleTargetRef and RBAC',
};

/**
 * Autoscalers with ScalingActive=False: they do not scale at all, whatever the load, and say why (metrics missing,
 * invalid selector, target scaled to zero). The message carries the controller's reason and what to do about it.
 * Targets that do not exist are `hpa-scale-target-missing`.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#appendix-horizontal-pod-autoscaler-status-conditions
 */
export const hpaScalingInactive = defineAnalyzer({
  id: ID,
  kinds: ['HorizontalPodAutoscaler'],
  description: 'Autoscalers that cannot scale (ScalingActive=False)',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const hpa of indexSnapshot(snapshot).of('HorizontalPodAutoscaler')) {
      const active = conditionOf(hpa, 'ScalingActive');
      if (active?.status !== 'False') continue;
      if (active.reason === 'FailedGetScale' && /not found/i.test(active.message ?? '')) continue;
      const reason = active.reason ?? 'Unknown';
      findings.push(
        findingOf({
          analyzer: ID,
          severity: reason === 'ScalingDisabled' ? 'LOW' : 'HIGH',
          object: hpa,
          key: reason,
          message: `HorizontalPodAutoscaler ${nameOf(hpa)} is not scaling (ScalingActive=False, ${reason})${active.message ? `: ${active.message}` : ''}`,
          evidence: [conditionEvidence(hpa, active)],
          proposedFix: {
            description: ADVICE[reason] ?? 'Read the condition message and fix what it names',
            command: `kubectl describe hpa ${hpa.metadata.name} -n ${hpa.metadata.namespace ?? 'default'}`,
          },
          docsUrl: DOCS.hpa,
        }),
      );
    }
    return findings;
  },
});

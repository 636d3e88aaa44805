import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { scaleTargetOf, utilizationResources } from '../hpaHelpers.js';
import { templateSpecOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'hpa-missing-requests';
const DEFAULT_REQUEST: Record<string, string> = { cpu: '100m', memory: '128Mi' };

/**
 * HPAs scaling on CPU or memory utilization whose target's containers set no request for that resource:
 * utilization is a percentage of the request, so the HPA reports `FailedGetResourceMetric` and never scales.
 * The fix adds a starting request to each container lacking one.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#support-for-resource-metrics
 */
export const hpaMissingRequests = defineAnalyzer({
  id: ID,
  kinds: ['HorizontalPodAutoscaler', 'Deployment', 'StatefulSet', 'ReplicaSet'],
  description: 'HPAs whose target pods set no resource requests',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const hpa of index.of('HorizontalPodAutoscaler')) {
      const target = scaleTargetOf(index, hpa);
      if (!target) continue;
      const containers = templateSpecOf(target).containers;
      for (const resource of utilizationResources(hpa)) {
        const lacking = containers.filter((c) => !c.resources?.requests?.[resource]);
        if (lacking.length === 0) continue;
        const request = DEFAULT_REQUEST[resource] ?? '100m';
        const body = {
          spec: {
            template: {
              spec: {
                containers: lacking.map((c) => ({ name: c.name, resources: { requests: { [resource]: request } } })),
              },
            },
          },
        };
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: hpa,
            key: resource,
            message: `HorizontalPodAutoscaler ${nameOf(hpa)} scales on ${resource} utilization, but container${lacking.length > 1 ? 's' : ''} ${lacking.map((c) => c.name).join(', ')} of ${target.kind} ${target.metadata.name} set no ${resource} request, so it cannot compute utilization`,
            evidence: lacking.map((c) =>
              fieldEvidence(target, `spec.template.spec.containers[${c.name}].resources`, c.resources ?? {}),
            ),
            sensitive: [target.metadata.name],
            proposedFix: {
              description: `Set a ${resource} request (${request} to start; size it from observed use) on ${target.kind} ${target.metadata.name}`,
              patch: { type: 'strategic', body },
              command: patchCommand(target, 'strategic', body),
            },
            docsUrl: DOCS.hpa,
          }),
        );
      }
    }
    return findings;
  },
});

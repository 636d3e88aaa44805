import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { selectorText } from '../labelSelector.js';
import { nameOf } from '../podHelpers.js';
import { desiredReplicas, serviceBackends } from '../serviceBackends.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { kubectlRef } from '../workloads.js';

const ID = 'workload-scaled-to-zero';

/** The replicas the workload had before it was scaled down, when its last applied configuration says so; else 1. */
function replicasToRestore(workload: KubeObject): number {
  const applied = workload.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  try {
    const replicas = applied ? (JSON.parse(applied) as { spec?: { replicas?: number } }).spec?.replicas : undefined;
    return typeof replicas === 'number' && replicas > 0 ? replicas : 1;
  } catch {
    return 1;
  }
}

/**
 * Workloads scaled to 0 replicas while a Service still routes to their pods: the Service has no endpoints, and its
 * selector is right (its labels are the workload's template's), so the fix is to scale the workload back up, not to
 * edit the selector. Services selecting nothing for other reasons are `service-selector-no-match`.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#scaling-a-deployment
 */
export const workloadScaledToZero = defineAnalyzer({
  id: ID,
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'Service', 'Pod'],
  description: 'Workloads scaled to zero that a Service still routes to',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    const reported = new Set<KubeObject>();
    for (const svc of index.of('Service')) {
      const spec = (svc.spec ?? {}) as { type?: string; selector?: Record<string, string> };
      if (spec.type === 'ExternalName' || !spec.selector || Object.keys(spec.selector).length === 0) continue;
      if (index.selectPods(svc.metadata.namespace, spec.selector).length > 0) continue;
      const backends = serviceBackends(index, svc, spec.selector);
      if (backends.length === 0 || backends.some((w) => desiredReplicas(w) > 0)) continue;
      for (const w of backends) {
        if (reported.has(w)) continue;
        reported.add(w);
        const replicas = replicasToRestore(w);
        const body = { spec: { replicas } };
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: w,
            message: `${w.kind} ${nameOf(w)} is scaled to 0 replicas, so Service ${svc.metadata.name} (selector ${selectorText(spec.selector)}, which its pods carry) has no endpoints`,
            evidence: [fieldEvidence(w, 'spec.replicas', 0), fieldEvidence(svc, 'spec.selector', spec.selector)],
            sensitive: [svc.metadata.name],
            proposedFix: {
              description: `Scale ${w.kind} ${w.metadata.name} back to ${replicas} replica${replicas === 1 ? '' : 's'} (the Service's selector is right)`,
              patch: { type: 'merge', body },
              command: `kubectl scale ${kubectlRef(w)} --replicas=${replicas}`,
            },
            docsUrl: DOCS.deployments,
          }),
        );
      }
    }
    return findings;
  },
});

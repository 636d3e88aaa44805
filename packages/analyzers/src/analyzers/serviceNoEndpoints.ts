import { defineAnalyzer, type Evidence, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf } from '../kubeTypes.js';
import { selectorText } from '../labelSelector.js';
import { ageMs, nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'service-no-endpoints';
const GRACE_MS = 60_000;

interface ServiceSpec {
  type?: string;
  selector?: Record<string, string>;
}

interface Subset {
  addresses?: unknown[];
  notReadyAddresses?: { targetRef?: { name?: string } }[];
}

/** Ready addresses of a Service, from its Endpoints (or, without them, from the ready pods it selects). */
function readyAddresses(endpoints: KubeObject | undefined, pods: KubeObject[]): number {
  if (endpoints) {
    const subsets = ((endpoints as { subsets?: Subset[] }).subsets ?? []) as Subset[];
    return subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  }
  return pods.filter((p) => conditionOf(p, 'Ready')?.status === 'True').length;
}

/**
 * Services whose selector matches pods but none of them is ready, so the Service has no endpoints and every
 * connection fails. The selected pods' own findings are the root cause (see grouping).
 * @see https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/
 */
export const serviceNoEndpoints = defineAnalyzer({
  id: ID,
  kinds: ['Service', 'Endpoints', 'Pod'],
  description: 'Services whose selected pods are all unready',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const svc of index.of('Service')) {
      const spec = (svc.spec ?? {}) as ServiceSpec;
      if (spec.type === 'ExternalName' || !spec.selector || Object.keys(spec.selector).length === 0) continue;
      const pods = index.selectPods(svc.metadata.namespace, spec.selector).filter((p) => !p.metadata.deletionTimestamp);
      if (pods.length === 0) continue;
      const endpoints = index.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
      if (readyAddresses(endpoints, pods) > 0) continue;
      // Ready pods but no endpoints: not a readiness problem (a targetPort the pods do not declare, which
      // service-target-port reports, or an Endpoints controller lagging).
      if (pods.some((p) => conditionOf(p, 'Ready')?.status === 'True')) continue;
      if (pods.every((p) => ageMs(p.metadata.creationTimestamp, ctx.now) < GRACE_MS)) continue;
      const evidence: Evidence[] = [fieldEvidence(svc, 'spec.selector', spec.selector)];
      if (endpoints)
        evidence.push(fieldEvidence(endpoints, 'subsets', (endpoints as { subsets?: unknown }).subsets ?? []));
      evidence.push({
        kind: 'field',
        source: `pods selected by ${selectorText(spec.selector)}`,
        detail: pods
          .slice(0, 5)
          .map((p) => `${p.metadata.name} Ready=${conditionOf(p, 'Ready')?.status ?? 'Unknown'}`)
          .join(', '),
      });
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: svc,
          message: `Service ${nameOf(svc)} has no ready endpoints: none of the ${pods.length} pods it selects is ready`,
          evidence,
          sensitive: pods.slice(0, 5).map((p) => p.metadata.name),
          proposedFix: {
            description: 'Make the selected pods ready (see the grouped pod findings)',
            command: `kubectl get pods -n ${svc.metadata.namespace ?? 'default'} -l '${selectorText(spec.selector)}'`,
          },
          docsUrl: DOCS.debugServices,
        }),
      );
    }
    return findings;
  },
});

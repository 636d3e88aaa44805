import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { statusOf } from '../kubeTypes.js';
import { ageMs, nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'statefulset-unavailable';
const GRACE_MS = 60_000;

/**
 * StatefulSets with fewer ready replicas than wanted, and StatefulSets whose governing headless Service
 * (`spec.serviceName`) does not exist, which leaves their pods without stable DNS names.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
export const statefulSetUnavailable = defineAnalyzer({
  id: ID,
  kinds: ['StatefulSet', 'Service'],
  description: 'StatefulSets missing ready replicas or their governing Service',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const sts of index.of('StatefulSet')) {
      const spec = (sts.spec ?? {}) as { replicas?: number; serviceName?: string };
      const want = spec.replicas ?? 1;
      const status = statusOf<{ readyReplicas: number; replicas: number; currentReplicas: number }>(sts);
      const ready = status.readyReplicas ?? 0;
      if (want > 0 && ready < want && ageMs(sts.metadata.creationTimestamp, ctx.now) >= GRACE_MS) {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: ready === 0 ? 'CRITICAL' : 'HIGH',
            object: sts,
            message: `StatefulSet ${nameOf(sts)} has ${ready} of ${want} replicas ready`,
            evidence: [fieldEvidence(sts, 'status', { replicas: status.replicas ?? 0, readyReplicas: ready })],
            docsUrl: DOCS.statefulSets,
          }),
        );
      }
      if (
        spec.serviceName &&
        index.listed('Service') &&
        !index.get('Service', sts.metadata.namespace, spec.serviceName)
      ) {
        const body = {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: spec.serviceName, namespace: sts.metadata.namespace },
          spec: {
            clusterIP: 'None',
            selector: (sts.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels ?? {},
          },
        };
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'MEDIUM',
            object: sts,
            key: 'service',
            message: `StatefulSet ${nameOf(sts)} names governing Service "${spec.serviceName}", which does not exist`,
            evidence: [fieldEvidence(sts, 'spec.serviceName', spec.serviceName)],
            sensitive: [spec.serviceName],
            proposedFix: {
              description: `Create the headless Service ${spec.serviceName}`,
              command: `kubectl apply -f - <<'EOF'\n${JSON.stringify(body)}\nEOF`,
            },
            docsUrl: DOCS.statefulSets,
          }),
        );
      }
    }
    return findings;
  },
});

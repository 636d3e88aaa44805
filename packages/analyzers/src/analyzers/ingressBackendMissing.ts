import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { ingressBackends } from '../ingressHelpers.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'ingress-backend-missing';

/**
 * Ingress backends naming a Service that does not exist, or a port that Service does not have: requests to that
 * host and path get 503 from the ingress controller.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/
 */
export const ingressBackendMissing = defineAnalyzer({
  id: ID,
  kinds: ['Ingress', 'Service'],
  description: 'Ingress backends pointing at a missing Service or port',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    if (!index.listed('Service')) return findings;
    for (const ing of index.of('Ingress')) {
      const done = new Set<string>();
      for (const backend of ingressBackends(ing)) {
        const svc = index.get('Service', ing.metadata.namespace, backend.service);
        const ports = ((svc?.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? []) as {
          name?: string;
          port: number;
        }[];
        const portOk =
          !backend.port ||
          (backend.port.number !== undefined
            ? ports.some((p) => p.port === backend.port?.number)
            : ports.some((p) => p.name === backend.port?.name));
        const key = `${backend.service}:${backend.port?.number ?? backend.port?.name ?? ''}`;
        if ((svc && portOk) || done.has(key)) continue;
        done.add(key);
        const wanted = backend.port?.number ?? backend.port?.name;
        const ns = ing.metadata.namespace ?? 'default';
        // The Service may exist, in another namespace: an Ingress reaches only Services of its own.
        const elsewhere = svc
          ? undefined
          : index.of('Service').find((s) => s.metadata.name === backend.service && s.metadata.namespace !== ns);
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: ing,
            key,
            message: svc
              ? `Ingress ${nameOf(ing)} routes to port ${wanted} of Service ${backend.service}, which exposes only ${ports.map((p) => p.name ?? p.port).join(', ')}`
              : `Ingress ${nameOf(ing)} routes to Service ${backend.service}, which does not exist in namespace ${ns}${elsewhere ? ` (it exists in namespace ${elsewhere.metadata.namespace}, and an Ingress reaches only Services of its own namespace)` : ''}`,
            evidence: [fieldEvidence(ing, backend.path, { service: { name: backend.service, port: backend.port } })],
            sensitive: [backend.service],
            proposedFix: elsewhere
              ? {
                  description: `Move the Ingress to namespace ${elsewhere.metadata.namespace}, or give namespace ${ns} an ExternalName Service ${backend.service} pointing at ${backend.service}.${elsewhere.metadata.namespace}.svc.cluster.local`,
                  command: `kubectl create service externalname ${backend.service} -n ${ns} --external-name ${backend.service}.${elsewhere.metadata.namespace}.svc.cluster.local`,
                }
              : {
                  description: svc
                    ? `Use one of the Service's ports (${ports.map((p) => p.port).join(', ')}) in the backend`
                    : `Create Service ${backend.service}, or point the backend at an existing Service`,
                  command: `kubectl get services -n ${ns}`,
                },
            docsUrl: DOCS.ingress,
          }),
        );
      }
    }
    return findings;
  },
});

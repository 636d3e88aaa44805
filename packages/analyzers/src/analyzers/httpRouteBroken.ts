import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { GATEWAY_KINDS } from '../gatewayApi.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot, type SnapshotIndex } from '../snapshotIndex.js';

const ID = 'httproute-broken';

interface ParentRef {
  name: string;
  namespace?: string;
  kind?: string;
  sectionName?: string;
}
interface BackendRef {
  name: string;
  namespace?: string;
  kind?: string;
  port?: number;
}
interface Listener {
  name: string;
  allowedRoutes?: { namespaces?: { from?: string; selector?: { matchLabels?: Record<string, string> } } };
}

/** Whether a Gateway's listeners (the named one, or any) admit routes from a namespace. */
function admits(index: SnapshotIndex, gw: KubeObject, routeNs: string | undefined, section?: string): boolean {
  const listeners = ((gw.spec as { listeners?: Listener[] } | undefined)?.listeners ?? []).filter(
    (l) => !section || l.name === section,
  );
  return listeners.some((l) => {
    const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
    if (from === 'All') return true;
    if (from === 'Same') return routeNs === gw.metadata.namespace;
    const labels: Record<string, string> = {
      'kubernetes.io/metadata.name': routeNs ?? 'default',
      ...(index.get('Namespace', undefined, routeNs ?? 'default')?.metadata.labels ?? {}),
    };
    return Object.entries(l.allowedRoutes?.namespaces?.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  });
}

/**
 * HTTPRoutes that cannot carry traffic: a parent Gateway that does not exist or whose listeners do not admit routes
 * from the route's namespace, or a backend Service that does not exist or lacks the port (k8sgpt's checks). One
 * finding per problem, on the route.
 * @see https://gateway-api.sigs.k8s.io/api-types/httproute/
 */
export const httpRouteBroken = defineAnalyzer({
  id: ID,
  kinds: [GATEWAY_KINDS.HTTPRoute, GATEWAY_KINDS.Gateway, 'Service'],
  description: 'HTTPRoutes with a missing parent Gateway or backend',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const route of index.of('HTTPRoute')) {
      const ns = route.metadata.namespace;
      const spec = (route.spec ?? {}) as { parentRefs?: ParentRef[]; rules?: { backendRefs?: BackendRef[] }[] };
      (spec.parentRefs ?? []).forEach((parent, i) => {
        if (parent.kind && parent.kind !== 'Gateway') return;
        const gw = index.get('Gateway', parent.namespace ?? ns, parent.name);
        if (gw && admits(index, gw, ns, parent.sectionName)) return;
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: route,
            key: `parent/${parent.namespace ?? ns}/${parent.name}`,
            message: gw
              ? `HTTPRoute ${nameOf(route)} is attached to Gateway ${nameOf(gw)}, whose listeners${parent.sectionName ? ` (${parent.sectionName})` : ''} do not allow routes from namespace ${ns}`
              : `HTTPRoute ${nameOf(route)} is attached to Gateway ${parent.namespace ?? ns}/${parent.name}, which does not exist`,
            evidence: [fieldEvidence(route, `spec.parentRefs[${i}]`, parent)],
            proposedFix: gw
              ? {
                  description: `Allow routes from namespace ${ns} on the Gateway's listener (allowedRoutes.namespaces.from: All or a selector), or move the route`,
                  command: `kubectl get gateway ${gw.metadata.name} -n ${gw.metadata.namespace ?? 'default'} -o jsonpath='{.spec.listeners[*].allowedRoutes}'`,
                }
              : { description: 'Point parentRefs at an existing Gateway', command: 'kubectl get gateways -A' },
            docsUrl: DOCS.gatewayApi,
          }),
        );
      });
      const seen = new Set<string>();
      for (const [r, rule] of (spec.rules ?? []).entries()) {
        for (const [b, backend] of (rule.backendRefs ?? []).entries()) {
          if (backend.kind && backend.kind !== 'Service') continue;
          const svcNs = backend.namespace ?? ns;
          const key = `backend/${svcNs}/${backend.name}:${backend.port ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const svc = index.get('Service', svcNs, backend.name);
          const ports = ((svc?.spec as { ports?: { port: number }[] } | undefined)?.ports ?? []).map((p) => p.port);
          if (svc && (backend.port === undefined || ports.includes(backend.port))) continue;
          findings.push(
            findingOf({
              analyzer: ID,
              severity: 'HIGH',
              object: route,
              key,
              message: svc
                ? `HTTPRoute ${nameOf(route)} sends traffic to port ${backend.port} of Service ${svcNs}/${backend.name}, which exposes only ${ports.join(', ')}`
                : `HTTPRoute ${nameOf(route)} sends traffic to Service ${svcNs}/${backend.name}, which does not exist`,
              evidence: [fieldEvidence(route, `spec.rules[${r}].backendRefs[${b}]`, backend)],
              sensitive: [backend.name],
              proposedFix: svc
                ? {
                    description: `Use one of the Service's ports (${ports.join(', ')}) in the backendRef`,
                    patch: {
                      type: 'json',
                      body: [{ op: 'replace', path: `/spec/rules/${r}/backendRefs/${b}/port`, value: ports[0] }],
                    },
                    command: `kubectl patch httproute ${route.metadata.name} -n ${ns ?? 'default'} --type json -p '${JSON.stringify([{ op: 'replace', path: `/spec/rules/${r}/backendRefs/${b}/port`, value: ports[0] }])}'`,
                  }
                : {
                    description: `Create Service ${backend.name} or point the backendRef at an existing one`,
                    command: `kubectl get services -n ${svcNs ?? 'default'}`,
                  },
              docsUrl: DOCS.gatewayApi,
            }),
          );
        }
      }
    }
    return findings;
  },
});

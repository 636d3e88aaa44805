import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';

/** The Accept value asking for aggregated discovery (kubectl 1.30+). */
export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether a request's Accept header asks for aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').replace(/\s/g, '').includes('g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
}

function resourceEntry(t: ResourceType): Record<string, unknown> {
  return {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.verbs,
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    storageVersionHash: '',
  };
}

/**
 * `APIResourceList` of one group-version, including subresources (`pods/log`, `deployments/scale`, …).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#discovery-api
 */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> {
  const types = registry.all().filter((t) => t.group === group && t.version === version);
  const resources = types.flatMap((t) => [
    resourceEntry(t),
    ...(t.subresources ?? []).map((sub) => ({
      name: `${t.plural}/${sub}`,
      singularName: '',
      namespaced: t.namespaced,
      kind: sub === 'scale' ? 'Scale' : sub === 'log' ? 'Pod' : t.kind,
      ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
      verbs: sub === 'log' ? ['get'] : ['get', 'patch', 'update'],
    })),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

function apiGroup(group: string, versions: string[]): Record<string, unknown> {
  const list = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

/** Legacy `APIVersions` (`GET /api`). */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** Legacy `APIGroupList` (`GET /apis`). */
export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = registry.groupVersions().filter((g) => g.group !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(g.group, g.versions)) };
}

/** `APIGroup` of one group (`GET /apis/{group}`), or undefined when not served. */
export function apiGroupOf(registry: ResourceRegistry, group: string): Record<string, unknown> | undefined {
  const found = registry.groupVersions().find((g) => g.group === group);
  return found ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, found.versions) } : undefined;
}

/**
 * Aggregated discovery (`apidiscovery.k8s.io/v2`): every group, version and resource in one document — for the
 * core group when `core` is true (`GET /api`), for all others otherwise (`GET /apis`).
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#aggregated-discovery
 */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean): Record<string, unknown> {
  const groups = registry.groupVersions().filter((g) => (g.group === '') === core);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        freshness: 'Current',
        resources: registry
          .all()
          .filter((t) => t.group === g.group && t.version === version)
          .map((t) => ({
            resource: t.plural,
            responseKind: { group: t.group, version: t.version, kind: t.kind },
            scope: t.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: t.singular,
            verbs: t.verbs,
            ...(t.shortNames ? { shortNames: t.shortNames } : {}),
            ...(t.categories ? { categories: t.categories } : {}),
            subresources: (t.subresources ?? []).map((sub) => ({
              subresource: sub,
              responseKind:
                sub === 'scale'
                  ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
                  : { group: t.group, version: t.version, kind: t.kind },
              verbs: sub === 'log' ? ['get'] : ['get', 'patch', 'update'],
            })),
          })),
      })),
    })),
  };
}

/** The `apiVersion` a type is served under, for building URLs. */
export const servedVersion = apiVersionOf;

import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';

/**
 * The Accept value asking for aggregated discovery (kubectl 1.30+).
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/**
 * Whether a request's Accept header asks for aggregated discovery v2.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').replace(/\s/g, '').includes('g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
}

/** Kind and verbs of a subresource, as discovery lists them. */
function subresourceInfo(
  t: ResourceType,
  sub: string,
): { kind: string; group: string; version: string; verbs: string[] } {
  switch (sub) {
    case 'scale':
      return { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };
    case 'log':
      return { kind: 'Pod', group: '', version: 'v1', verbs: ['get'] };
    case 'binding':
      return { kind: 'Binding', group: '', version: 'v1', verbs: ['create'] };
    case 'eviction':
      return { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] };
    case 'exec':
    case 'attach':
    case 'portforward': {
      const kind = { exec: 'PodExecOptions', attach: 'PodAttachOptions', portforward: 'PodPortForwardOptions' }[sub];
      return { kind, group: '', version: 'v1', verbs: ['create', 'get'] };
    }
    default:
      return { kind: t.kind, group: t.group, version: t.version, verbs: ['get', 'patch', 'update'] };
  }
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
    ...(t.subresources ?? []).map((sub) => {
      const info = subresourceInfo(t, sub);
      return {
        name: `${t.plural}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: info.kind,
        ...(info.group !== t.group || info.version !== t.version ? { group: info.group, version: info.version } : {}),
        verbs: info.verbs,
      };
    }),
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

/**
 * Legacy `APIVersions` (`GET /api`).
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/**
 * Legacy `APIGroupList` (`GET /apis`).
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = registry.groupVersions().filter((g) => g.group !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(g.group, g.versions)) };
}

/**
 * `APIGroup` of one group (`GET /apis/{group}`), or undefined when not served.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
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
            subresources: (t.subresources ?? []).map((sub) => {
              const info = subresourceInfo(t, sub);
              return {
                subresource: sub,
                responseKind: { group: info.group, version: info.version, kind: info.kind },
                verbs: info.verbs,
              };
            }),
          })),
      })),
    })),
  };
}

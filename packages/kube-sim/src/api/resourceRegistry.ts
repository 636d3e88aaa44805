import type { KubeObject } from '../store/kubeObject.js';
import { BUILTIN_RESOURCE_TYPES, type ResourceType } from './resourceTypes.js';

/**
 * The kinds served right now: the built-ins plus one entry per served version of every stored
 * CustomResourceDefinition.
 */
export class ResourceRegistry {
  private custom: ResourceType[] = [];

  /** Every served resource type. */
  all(): ResourceType[] {
    return [...BUILTIN_RESOURCE_TYPES, ...this.custom];
  }

  /** Whether a type is one of the built-ins (strategic merge patch is supported only for those). */
  isBuiltin(type: ResourceType): boolean {
    return BUILTIN_RESOURCE_TYPES.includes(type);
  }

  /** The type served at `/{group}/{version}/{plural}`, if any. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.all().find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  /** The type of a kind in an apiVersion, e.g. `apps/v1` + `Deployment`. */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.all().find((t) => t.group === group && t.version === version && t.kind === kind);
  }

  /** Group-versions served, core first. */
  groupVersions(): { group: string; versions: string[] }[] {
    const groups = new Map<string, string[]>();
    for (const t of this.all()) {
      const versions = groups.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      groups.set(t.group, versions);
    }
    return [...groups.entries()].map(([group, versions]) => ({
      group,
      versions: versions.sort((a, b) => (a === 'v2' ? -1 : b === 'v2' ? 1 : a < b ? 1 : -1)),
    }));
  }

  /** Rebuilds the custom types from the stored CRDs. */
  syncCustomResources(crds: KubeObject[]): void {
    this.custom = crds.flatMap((crd) => {
      const spec = crd.spec as {
        group: string;
        names: { kind: string; plural: string; singular?: string; shortNames?: string[]; categories?: string[] };
        scope: 'Namespaced' | 'Cluster';
        versions: { name: string; served?: boolean; subresources?: { status?: object; scale?: object } }[];
      };
      if (!spec?.group || !spec.names || !Array.isArray(spec.versions)) return [];
      return spec.versions
        .filter((v) => v.served !== false)
        .map((v) => ({
          group: spec.group,
          version: v.name,
          kind: spec.names.kind,
          plural: spec.names.plural,
          singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
          namespaced: spec.scope !== 'Cluster',
          shortNames: spec.names.shortNames,
          categories: spec.names.categories,
          verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
          subresources: [...(v.subresources?.status ? ['status'] : []), ...(v.subresources?.scale ? ['scale'] : [])],
        }));
    });
  }
}

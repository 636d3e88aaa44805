import type { KubeObject } from '../store/kubeObject.js';
import { BUILTIN_RESOURCE_TYPES, type PrinterColumn, READ_WRITE_VERBS, type ResourceType } from './resourceTypes.js';

/** Sort key of a Kubernetes version: GA before beta before alpha, higher numbers first (`v2`, `v1`, `v1beta2`). */
function versionRank(version: string): [number, number, number] {
  const m = version.match(/^v(\d+)(?:(alpha|beta)(\d+))?$/);
  if (!m) return [3, 0, 0];
  const stage = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2;
  return [stage, -Number(m[1]), -Number(m[3] ?? 0)];
}

/**
 * Orders versions by Kubernetes version priority, the preferred first.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definition-versioning/#version-priority
 */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [versionRank(a), versionRank(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The kinds served right now: the built-ins plus one entry per served version of every stored
 * CustomResourceDefinition.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
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

  /** Group-versions served, core first, versions in Kubernetes priority order (the preferred one first). */
  groupVersions(): { group: string; versions: string[] }[] {
    const groups = new Map<string, string[]>();
    for (const t of this.all()) {
      const versions = groups.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      groups.set(t.group, versions);
    }
    return [...groups.entries()].map(([group, versions]) => ({
      group,
      versions: versions.sort(compareVersions),
    }));
  }

  /**
   * Rebuilds the custom types from the stored CRDs: one per served version, with the CRD's names, scope,
   * subresources, printer columns and scale paths.
   * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/
   */
  syncCustomResources(crds: KubeObject[]): void {
    this.custom = crds.flatMap((crd) => {
      const spec = crd.spec as {
        group: string;
        names: { kind: string; plural: string; singular?: string; shortNames?: string[]; categories?: string[] };
        scope: 'Namespaced' | 'Cluster';
        versions: {
          name: string;
          served?: boolean;
          additionalPrinterColumns?: PrinterColumn[];
          schema?: { openAPIV3Schema?: Record<string, unknown> };
          subresources?: { status?: object; scale?: ResourceType['scale'] };
        }[];
      };
      if (!spec?.group || !spec.names?.kind || !spec.names.plural || !Array.isArray(spec.versions)) return [];
      if (crd.metadata.deletionTimestamp) return [];
      return spec.versions
        .filter((v) => v.served !== false && typeof v.name === 'string')
        .map(
          (v): ResourceType => ({
            group: spec.group,
            version: v.name,
            kind: spec.names.kind,
            plural: spec.names.plural,
            singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
            namespaced: spec.scope !== 'Cluster',
            ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
            ...(spec.names.categories ? { categories: spec.names.categories } : {}),
            verbs: READ_WRITE_VERBS,
            generation: true,
            subresources: [...(v.subresources?.status ? ['status'] : []), ...(v.subresources?.scale ? ['scale'] : [])],
            ...(v.additionalPrinterColumns ? { printerColumns: v.additionalPrinterColumns } : {}),
            ...(v.subresources?.scale ? { scale: v.subresources.scale } : {}),
            ...(v.schema?.openAPIV3Schema ? { openApiSchema: v.schema.openAPIV3Schema } : {}),
          }),
        );
    });
  }
}

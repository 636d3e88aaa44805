import { closest, splitApiVersion } from '../kube/knownKinds.js';
import type { OpenApiSchema } from '../kube/openApiCheck.js';
import type { CustomSchemas } from '../rules/kubeRule.js';
import type { ManifestDoc } from './checkManifests.js';
import type { CrdSchemaFile } from './types.js';

interface CrdVersion {
  name?: unknown;
  schema?: { openAPIV3Schema?: unknown };
}

/**
 * The schemas of the custom resources the input can be checked against: those of the CustomResourceDefinitions in
 * the input (each served version's `openAPIV3Schema`; `spec.validation` for v1beta1) and those of a CRD catalog
 * folder. Looked up by apiVersion and kind (the catalog's lower-case kind names match too).
 */
export function customSchemas(docs: ManifestDoc[], files: CrdSchemaFile[] = []): CustomSchemas {
  const schemas = new Map<string, OpenApiSchema>();
  const kindsByGroup = new Map<string, Set<string>>();
  const add = (group: string, version: string, kind: string, schema: unknown) => {
    schemas.set(`${group}/${version}\u0000${kind.toLowerCase()}`, (schema ?? {}) as OpenApiSchema);
    kindsByGroup.set(group, (kindsByGroup.get(group) ?? new Set()).add(kind));
  };
  for (const d of docs) {
    const crd = d.doc.value as {
      kind?: unknown;
      spec?: {
        group?: unknown;
        names?: { kind?: unknown };
        versions?: CrdVersion[];
        version?: unknown;
        validation?: { openAPIV3Schema?: unknown };
      };
    } | null;
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    const group = crd.spec?.group;
    const kind = crd.spec?.names?.kind;
    if (typeof group !== 'string' || typeof kind !== 'string') continue;
    const versions = Array.isArray(crd.spec?.versions) ? crd.spec.versions : [];
    for (const v of versions) {
      if (typeof v?.name === 'string')
        add(group, v.name, kind, v.schema?.openAPIV3Schema ?? crd.spec?.validation?.openAPIV3Schema);
    }
    if (typeof crd.spec?.version === 'string')
      add(group, crd.spec.version, kind, crd.spec?.validation?.openAPIV3Schema);
  }
  for (const f of files) add(f.group, f.version, f.kind, f.schema);
  return {
    lookup(apiVersion, kind) {
      const { group, version } = splitApiVersion(apiVersion);
      return schemas.get(`${group}/${version}\u0000${kind.toLowerCase()}`);
    },
    suggest(apiVersion, kind) {
      const { group } = splitApiVersion(apiVersion);
      const kinds = kindsByGroup.get(group);
      if (!kinds) return undefined;
      if (kinds.has(kind)) {
        const served = [...schemas.keys()].filter(
          (k) => k.startsWith(`${group}/`) && k.endsWith(`\u0000${kind.toLowerCase()}`),
        );
        return `the CRD of ${kind} serves ${served.map((k) => k.split('\u0000')[0]).join(', ')}`;
      }
      const near = closest(kind, kinds);
      return near ? `did you mean ${near}?` : `the CRDs of ${group} define ${[...kinds].join(', ')}`;
    },
  };
}

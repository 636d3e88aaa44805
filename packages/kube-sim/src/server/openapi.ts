import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import { ComponentSchemas } from '../openapi/componentSchemas.js';

function prefix(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;
}

const queryParameter = (name: string) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } });

function operations(t: ResourceType, component: string | undefined): Record<string, unknown> {
  const gvk = { group: t.group, version: t.version, kind: t.kind };
  const body = component
    ? { content: { '*/*': { schema: { $ref: `#/components/schemas/${component}` } } }, required: true }
    : undefined;
  const write = ['dryRun', 'fieldManager', 'fieldValidation'].map(queryParameter);
  const op = (action: string, params: object[], withBody = false) => ({
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    parameters: params,
    ...(withBody && body ? { requestBody: body } : {}),
    responses: {
      '200': {
        description: 'OK',
        ...(component
          ? { content: { 'application/json': { schema: { $ref: `#/components/schemas/${component}` } } } }
          : {}),
      },
    },
  });
  const base = `/${prefix(t)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
  const list = ['labelSelector', 'fieldSelector', 'limit', 'continue', 'watch'].map(queryParameter);
  const paths: Record<string, unknown> = {};
  if (t.verbs.includes('list'))
    paths[base] = { get: op('list', list), ...(t.verbs.includes('create') ? { post: op('post', write, true) } : {}) };
  else if (t.verbs.includes('create')) paths[base] = { post: op('post', write, true) };
  if (t.verbs.includes('get')) {
    paths[`${base}/{name}`] = {
      get: op('get', []),
      ...(t.verbs.includes('update') ? { put: op('put', write, true) } : {}),
      ...(t.verbs.includes('patch') ? { patch: op('patch', [...write, queryParameter('force')]) } : {}),
      ...(t.verbs.includes('delete')
        ? { delete: op('delete', [queryParameter('dryRun'), queryParameter('propagationPolicy')]) }
        : {}),
    };
  }
  return paths;
}

/**
 * Path of the OpenAPI v3 document of a group-version, e.g. `api/v1` or `apis/apps/v1`.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function openApiPathOf(group: string, version: string): string {
  return prefix({ group, version });
}

/**
 * The OpenAPI v3 document of one group-version: each kind's operations (with `x-kubernetes-group-version-kind`
 * and the `fieldValidation` parameter, which plain `kubectl apply`, `create -f` and `replace` look for) and typed
 * component schemas (built-in kinds from the API's field types, custom resources from their CRD), which
 * `kubectl explain` reads.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function openApiDocument(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> {
  const components = new ComponentSchemas();
  const paths: Record<string, unknown> = {};
  for (const t of registry.all().filter((r) => r.group === group && r.version === version)) {
    const component = registry.isBuiltin(t) ? components.addKind(t) : components.addCustom(t);
    Object.assign(paths, operations(t, component));
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas: components.schemas },
  };
}

const hashes = new Map<string, string>();

/**
 * The OpenAPI v3 index (`GET /openapi/v3`): one entry per group-version, with a hash of its document so clients
 * refetch when it changes (custom resources come and go).
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function openApiIndex(registry: ResourceRegistry): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, versions } of registry.groupVersions()) {
    for (const version of versions) {
      const path = prefix({ group, version });
      const types = registry.all().filter((t) => t.group === group && t.version === version);
      const key = JSON.stringify(types);
      let hash = hashes.get(key);
      if (!hash) {
        hash = createHash('sha256')
          .update(JSON.stringify(openApiDocument(registry, group, version)))
          .digest('hex')
          .slice(0, 32)
          .toUpperCase();
        hashes.set(key, hash);
      }
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
    }
  }
  return { paths };
}

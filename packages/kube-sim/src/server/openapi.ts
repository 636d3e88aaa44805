import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';

function prefix(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;
}

/** Path of the OpenAPI v3 document of a group-version, e.g. `api/v1` or `apis/apps/v1`. */
export function openApiPathOf(group: string, version: string): string {
  return prefix({ group, version });
}

/**
 * The OpenAPI v3 document of one group-version: enough for `kubectl apply`, `create -f` and `replace` to find each
 * kind's operations (`x-kubernetes-group-version-kind`) and the `fieldValidation` parameter.
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */
export function openApiDocument(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const t of registry.all().filter((r) => r.group === group && r.version === version)) {
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const base = `/${prefix(t)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
    const parameters = [
      { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
    ];
    const op = (action: string) => ({
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
      parameters,
      responses: { '200': { description: 'OK' } },
    });
    paths[base] = { get: op('list'), post: op('post') };
    paths[`${base}/{name}`] = { get: op('get'), put: op('put'), patch: op('patch'), delete: op('delete') };
    const schemaName = `io.k8s.${t.group || 'core'}.${t.version}.${t.kind}`;
    schemas[schemaName] = {
      type: 'object',
      description: `${t.kind} (${apiVersionOf(t)}), served by the opspilot simulated cluster.`,
      properties: {
        apiVersion: {
          type: 'string',
          description: 'APIVersion defines the versioned schema of this representation of an object.',
        },
        kind: {
          type: 'string',
          description: 'Kind is a string value representing the REST resource this object represents.',
        },
        metadata: { type: 'object', description: "Standard object's metadata." },
        spec: {
          type: 'object',
          description: `Specification of the desired behavior of the ${t.kind}.`,
          'x-kubernetes-preserve-unknown-fields': true,
        },
        status: {
          type: 'object',
          description: `Most recently observed status of the ${t.kind}.`,
          'x-kubernetes-preserve-unknown-fields': true,
        },
      },
      'x-kubernetes-group-version-kind': [gvk],
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas } };
}

/** The OpenAPI v3 index (`GET /openapi/v3`): one entry per group-version, with a content hash. */
export function openApiIndex(registry: ResourceRegistry): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, versions } of registry.groupVersions()) {
    for (const version of versions) {
      const path = prefix({ group, version });
      const hash = createHash('sha256')
        .update(JSON.stringify(openApiDocument(registry, group, version)))
        .digest('hex')
        .slice(0, 32)
        .toUpperCase();
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
    }
  }
  return { paths };
}

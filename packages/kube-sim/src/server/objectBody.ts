import { z } from 'zod';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import { badRequest, type StatusError } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';

const stringMap = z.record(z.string(), z.string());

/** The `metadata` fields a client may send, typed as the real server decodes them. */
const ObjectMeta = z
  .object({
    name: z.string().optional(),
    generateName: z.string().optional(),
    namespace: z.string().optional(),
    resourceVersion: z.string().optional(),
    labels: stringMap.nullable().optional(),
    annotations: stringMap.nullable().optional(),
    finalizers: z.array(z.string()).nullable().optional(),
    ownerReferences: z
      .array(z.object({ apiVersion: z.string(), kind: z.string(), name: z.string(), uid: z.string() }).loose())
      .nullable()
      .optional(),
  })
  .loose();

const GO_TYPES: Record<string, string> = {
  labels: 'map[string]string',
  annotations: 'map[string]string',
  finalizers: '[]string',
  ownerReferences: '[]v1.OwnerReference',
};

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** The 400 a real server gives for a body it cannot decode into the kind. */
function cannotDecode(type: ResourceType, detail: string): StatusError {
  return badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${detail}`);
}

/**
 * Checks a request body is an object of the path's kind and version with well-typed metadata, and fills in
 * apiVersion, kind, namespace and (for updates) name from the URL. Mismatches are the 400s a real server returns.
 * Server-owned metadata (uid, timestamps, generation, managedFields) is dropped.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function objectBody(
  type: ResourceType,
  body: unknown,
  namespace: string | undefined,
  name?: string,
): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw cannotDecode(type, `json: cannot unmarshal ${jsonType(body)} into Go value of type struct`);
  }
  const obj = structuredClone(body) as KubeObject;
  const meta = obj.metadata ?? {};
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    throw cannotDecode(
      type,
      `json: cannot unmarshal ${jsonType(meta)} into Go struct field ${type.kind}.metadata of type v1.ObjectMeta`,
    );
  }
  const parsed = ObjectMeta.safeParse(meta);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]!.path[0]);
    const value = (meta as Record<string, unknown>)[field];
    throw cannotDecode(
      type,
      `json: cannot unmarshal ${jsonType(value)} into Go struct field ObjectMeta.metadata.${field} of type ${GO_TYPES[field] ?? 'string'}`,
    );
  }
  obj.metadata = { ...(meta as KubeObject['metadata']) };
  for (const key of [
    'uid',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'generation',
    'selfLink',
  ]) {
    delete obj.metadata[key];
  }
  for (const key of ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const) {
    if (obj.metadata[key] === null) delete obj.metadata[key];
  }
  if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersionOf(type)) {
    throw badRequest(
      `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  if (obj.kind !== undefined && obj.kind !== type.kind) {
    throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${type.kind})`);
  }
  obj.apiVersion = apiVersionOf(type);
  obj.kind = type.kind;
  obj.metadata.name ??= '';
  if (type.namespaced) {
    if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace ?? obj.metadata.namespace ?? 'default';
  } else delete obj.metadata.namespace;
  if (name !== undefined) {
    if (obj.metadata.name && obj.metadata.name !== name) {
      throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    obj.metadata.name = name;
  }
  return obj;
}

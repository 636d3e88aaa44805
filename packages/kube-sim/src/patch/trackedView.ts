import { fieldToken, pathKey } from './fieldPath.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/** Metadata the API server sets itself; no manager ever owns it. */
const SERVER_METADATA = [
  'name',
  'namespace',
  'creationTimestamp',
  'selfLink',
  'uid',
  'clusterName',
  'generation',
  'managedFields',
  'resourceVersion',
];

/** The path key of `.metadata`, which is never owned itself either (only its fields are). */
export const METADATA_PATH = pathKey([fieldToken('metadata')]);

/**
 * The part of an object whose fields managers own: without `apiVersion`, `kind` and server-set metadata, and without
 * `status` on a write to the main resource (the status subresource owns it) or `spec` on a write to `/status`.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function trackedView(object: JsonValue | undefined, subresource?: string): JsonObject {
  if (!isJsonObject(object)) return {};
  const { apiVersion: _v, kind: _k, ...rest } = object;
  if (subresource === 'status') delete rest.spec;
  else delete rest.status;
  if (isJsonObject(rest.metadata)) {
    const metadata = { ...rest.metadata };
    for (const key of SERVER_METADATA) delete metadata[key];
    rest.metadata = metadata;
  }
  return rest;
}

/** A field set without the paths nobody owns. */
export function withoutUntracked(set: Set<string>): Set<string> {
  set.delete(METADATA_PATH);
  return set;
}

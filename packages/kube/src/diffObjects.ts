import type { KubeObject } from '@opspilot/core';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { stringify } from 'yaml';

/** Metadata fields the API server owns: `kubectl diff` leaves them out, and so does {@link diffObjects}. */
const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink'];

/**
 * A unified diff of the YAML of `live` (missing: the object is new) against `proposed`, as `kubectl diff` shows
 * it: `status` and server-owned metadata are stripped, keys keep their order, lists are not indented (as kubectl prints YAML), and the file names are
 * `<apiVersion>.<kind>.<namespace>.<name>`. Equal objects give an empty string.
 * @example
 * const dryRun = await cluster.apply(manifest, { dryRun: true });
 * process.stdout.write(diffObjects(await cluster.get(refOf(manifest)), dryRun));
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_diff/
 */
export function diffObjects(live: KubeObject | undefined, proposed: KubeObject): string {
  const before = live ? toYaml(live) : '';
  const after = toYaml(proposed);
  if (before === after) return '';
  const name = fileName(proposed);
  return createTwoFilesPatch(`live/${name}`, `proposed/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

function toYaml(object: KubeObject): string {
  const { status: _status, ...rest } = object;
  const metadata = { ...object.metadata } as Record<string, unknown>;
  for (const key of SERVER_METADATA) delete metadata[key];
  return stringify({ ...rest, metadata }, { lineWidth: 0, indentSeq: false });
}

function fileName(object: KubeObject): string {
  const group = object.apiVersion.replace('/', '.');
  const ns = object.metadata.namespace ? `${object.metadata.namespace}.` : '';
  return `${group}.${object.kind}.${ns}${object.metadata.name}`;
}

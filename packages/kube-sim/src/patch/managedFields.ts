import { decodeFieldsV1, encodeFieldsV1 } from './fieldSet.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * One entry of `metadata.managedFields`: the fields one manager owns, through which operation, at which version.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/#System
 */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
}

/** A decoded entry: its identity and its field set. */
export interface FieldManager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: Set<string>;
}

/**
 * The identity of a manager as the API server keys it: appliers by name (and subresource) whatever version they
 * apply, updaters by name, version and subresource.
 */
export function managerId(m: Pick<FieldManager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const version = m.operation === 'Apply' ? '' : m.apiVersion;
  return JSON.stringify([m.manager, m.operation, version, m.subresource ?? '']);
}

/** The managers recorded in an object's `metadata.managedFields`; malformed entries are skipped. */
export function decodeManagedFields(value: JsonValue | undefined): FieldManager[] {
  if (!Array.isArray(value)) return [];
  const out: FieldManager[] = [];
  for (const entry of value) {
    if (!isJsonObject(entry) || typeof entry.manager !== 'string') continue;
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') continue;
    out.push({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: typeof entry.apiVersion === 'string' ? entry.apiVersion : '',
      ...(typeof entry.time === 'string' ? { time: entry.time } : {}),
      ...(typeof entry.subresource === 'string' && entry.subresource ? { subresource: entry.subresource } : {}),
      fields: decodeFieldsV1(entry.fieldsV1),
    });
  }
  return out;
}

/**
 * `metadata.managedFields` for a list of managers: managers owning nothing dropped, in the API server's order
 * (Apply before Update, then by time, manager, version and subresource).
 */
export function encodeManagedFields(managers: readonly FieldManager[]): ManagedFieldsEntry[] {
  return managers
    .filter((m) => m.fields.size > 0)
    .sort(
      (a, b) =>
        compare(a.operation, b.operation) ||
        compare(a.time ?? '', b.time ?? '') ||
        compare(a.manager, b.manager) ||
        compare(a.apiVersion, b.apiVersion) ||
        compare(a.subresource ?? '', b.subresource ?? ''),
    )
    .map((m) => ({
      manager: m.manager,
      operation: m.operation,
      apiVersion: m.apiVersion,
      ...(m.time ? { time: m.time } : {}),
      fieldsType: 'FieldsV1' as const,
      fieldsV1: encodeFieldsV1(m.fields),
      ...(m.subresource ? { subresource: m.subresource } : {}),
    }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A manager as conflict messages name it: `"kubectl"`, `"kubectl" with subresource "scale" using apps/v1`. */
export function describeManager(m: FieldManager): string {
  let out = JSON.stringify(m.manager);
  if (m.subresource) out += ` with subresource ${JSON.stringify(m.subresource)}`;
  if (m.operation === 'Update') out += ` using ${m.apiVersion}`;
  return out;
}

/** A time as `managedFields` carries it: RFC 3339 in UTC, to the second. */
export function formatTime(now: Date | string): string {
  const date = typeof now === 'string' ? new Date(now) : now;
  if (Number.isNaN(date.getTime())) return String(now);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

import { compareFields } from './compareFields.js';
import { difference, union } from './fieldSet.js';
import { isJsonObject, type JsonObject } from './json.js';
import {
  decodeManagedFields,
  encodeManagedFields,
  type FieldManager,
  formatTime,
  type ManagedFieldsEntry,
  managerId,
} from './managedFields.js';
import { OBJECT_META_SCHEMA, patchStrategyFor } from './patchStrategyFor.js';
import { trackedView, withoutUntracked } from './trackedView.js';

/** A write that is not an apply: create, update (PUT) or a merge/JSON/strategic patch. */
export interface RecordUpdateInput {
  /** The stored object; undefined for a create. */
  before: JsonObject | undefined;
  /** The object about to be stored. */
  after: JsonObject;
  /** The `fieldManager` query parameter, or what the API server derives from the user agent (`kubectl`). */
  manager: string;
  now: Date | string;
  /** Defaults to `after.apiVersion` / `after.kind`. */
  apiVersion?: string;
  kind?: string;
  /** `status` or `scale` for a write to that subresource (the object passed is still the main resource). */
  subresource?: string;
}

/** The object with its new `metadata.managedFields`, and the entries themselves. */
export interface RecordUpdateResult {
  object: JsonObject;
  managedFields: ManagedFieldsEntry[];
}

/**
 * Records a non-apply write in `metadata.managedFields` the way the API server does: the writer's `Update` entry (per
 * manager, version and subresource) gains every field the write added or changed, which no other manager owns any
 * more; removed fields leave every entry; the writer's time moves only if it took a field. A write that sends its own
 * non-empty `managedFields` (kubectl's client-side to server-side apply migration) replaces them first. So
 * `kubectl scale` (manager `kubectl`, subresource `scale`) makes a later `kubectl apply --server-side` with other
 * replicas conflict. Pure; the inputs are not changed.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function recordUpdate(input: RecordUpdateInput): RecordUpdateResult {
  const { before, after, manager, subresource } = input;
  const apiVersion = input.apiVersion ?? String(after.apiVersion ?? '');
  const kind = input.kind ?? String(after.kind ?? '');
  const schema = patchStrategyFor(apiVersion, kind) ?? OBJECT_META_SCHEMA;
  const sent = isJsonObject(after.metadata) ? after.metadata.managedFields : undefined;
  const stored = isJsonObject(before?.metadata) ? before.metadata.managedFields : undefined;
  const managers =
    !subresource && Array.isArray(sent) && sent.length > 0 ? decodeManagedFields(sent) : decodeManagedFields(stored);

  const comparison = compareFields(trackedView(before, subresource), trackedView(after, subresource), schema);
  const touched = withoutUntracked(union(comparison.added, comparison.modified));
  const id = managerId({ manager, operation: 'Update', apiVersion, subresource });
  let own = managers.find((m) => managerId(m) === id);
  const next: FieldManager[] = managers.map((m) => {
    const fields = difference(m.fields, comparison.removed, m === own ? new Set() : touched);
    const copy = { ...m, fields };
    if (m === own) own = copy;
    return copy;
  });
  if (touched.size > 0) {
    const time = formatTime(input.now);
    if (own) Object.assign(own, { fields: union(own.fields, touched), time, apiVersion });
    else
      next.push({
        manager,
        operation: 'Update',
        apiVersion,
        time,
        ...(subresource ? { subresource } : {}),
        fields: touched,
      });
  }
  const managedFields = encodeManagedFields(next);
  const object = structuredClone(after);
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  object.metadata = { ...metadata, managedFields: structuredClone(managedFields) as unknown as JsonObject[] };
  return { object, managedFields };
}

import { type FieldConflict, findConflicts } from './applyConflicts.js';
import { compareFields } from './compareFields.js';
import { difference, union } from './fieldSet.js';
import { findKeyProblem, toFieldSet } from './fieldTree.js';
import { isJsonObject, type JsonObject, jsonEqual } from './json.js';
import { conflictsOutside, KUBECTL_MANAGER, lastAppliedFields, syncLastApplied } from './lastApplied.js';
import {
  decodeManagedFields,
  encodeManagedFields,
  type FieldManager,
  formatTime,
  type ManagedFieldsEntry,
  managerId,
} from './managedFields.js';
import { mergeApplied } from './mergeApplied.js';
import { OBJECT_META_SCHEMA, patchStrategyFor } from './patchStrategyFor.js';
import { removeFields } from './removeFields.js';
import { trackedView, withoutUntracked } from './trackedView.js';

/** A server-side apply request (`PATCH` with `application/apply-patch+yaml`), its body already parsed. */
export interface ServerSideApplyInput {
  /** The stored object; undefined when apply creates it. */
  live: JsonObject | undefined;
  /** The applied configuration. */
  applied: JsonObject;
  /** The `fieldManager` query parameter. */
  manager: string;
  /** The `force` query parameter (`kubectl apply --server-side --force-conflicts`). */
  force?: boolean;
  now: Date | string;
  /** Defaults to the applied configuration's `apiVersion` and `kind`. */
  apiVersion?: string;
  kind?: string;
  /** `status` for an apply to `/status`. */
  subresource?: string;
}

/** A successful apply: the object to store (with its `managedFields`) and whether its content changed. */
export interface ServerSideApplySuccess {
  ok: true;
  object: JsonObject;
  managedFields: ManagedFieldsEntry[];
  changed: boolean;
}

/** A refused apply: 409 with one conflict per field another manager owns with another value, or 400/422. */
export interface ServerSideApplyFailure {
  ok: false;
  code: 400 | 409 | 422;
  reason: 'BadRequest' | 'Conflict' | 'Invalid';
  message: string;
  conflicts: FieldConflict[];
}

/** The outcome of {@link serverSideApply}. */
export type ServerSideApplyResult = ServerSideApplySuccess | ServerSideApplyFailure;

export type { FieldConflict } from './applyConflicts.js';

/**
 * Server-side apply: merges the applied configuration into the live object (or creates it), makes `manager` the
 * owner of exactly the fields it sent (an `Apply` entry in `metadata.managedFields`), removes the fields it applied
 * before and no longer sends unless another manager owns them, and refuses with 409 when it would change a field
 * another manager owns — an applier, or an updater such as `kubectl-client-side-apply` or `kubectl` scaling through
 * `/scale` — unless `force` takes the field over. An apply by `kubectl` to an object carrying client-side apply's
 * `last-applied-configuration` takes over the fields listed there without a conflict and keeps the annotation in
 * step (the upgrade from client-side apply); conflicts on other fields, or by another manager, still refuse. Lists merge by the keys of the kind's strategy table; custom
 * resources merge maps and replace lists. Pure: nothing is stored, the inputs are not changed.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
 */
export function serverSideApply(input: ServerSideApplyInput): ServerSideApplyResult {
  const { live, applied, manager, subresource } = input;
  const apiVersion = input.apiVersion ?? String(applied.apiVersion ?? live?.apiVersion ?? '');
  const kind = input.kind ?? String(applied.kind ?? live?.kind ?? '');
  const schema = patchStrategyFor(apiVersion, kind) ?? OBJECT_META_SCHEMA;
  const appliedMeta = isJsonObject(applied.metadata) ? applied.metadata : {};
  if (Array.isArray(appliedMeta.managedFields) && appliedMeta.managedFields.length > 0) {
    return refuse(400, 'BadRequest', 'metadata.managedFields must be nil');
  }
  const keyProblem = findKeyProblem(applied, schema);
  if (keyProblem) return refuse(422, 'Invalid', keyProblem);

  const config: JsonObject = { ...applied, metadata: { ...appliedMeta } };
  delete (config.metadata as JsonObject).managedFields;
  const liveContent: JsonObject = live ? withoutManagedFields(live) : {};
  const managers = decodeManagedFields(isJsonObject(live?.metadata) ? live.metadata.managedFields : undefined);
  const id = managerId({ manager, operation: 'Apply', apiVersion, subresource });
  const previous = managers.find((m) => managerId(m) === id);
  const others = managers.filter((m) => m !== previous);

  const newSet = withoutUntracked(toFieldSet(trackedView(config, subresource), schema));
  const merged = (mergeApplied(liveContent, config, schema) ?? {}) as JsonObject;
  const owned = union(newSet, ...others.map((m) => m.fields));
  removeFields(merged, difference(previous?.fields ?? new Set(), owned), owned, schema);

  const comparison = compareFields(trackedView(liveContent, subresource), trackedView(merged, subresource), schema);
  const found = findConflicts(others, comparison);
  const upgrading = manager === KUBECTL_MANAGER ? lastAppliedFields(live, schema) : undefined;
  const conflicts = upgrading ? conflictsOutside(found, upgrading) : found;
  if (conflicts.length > 0 && !input.force) {
    return { ok: false, code: 409, reason: 'Conflict', message: conflictMessage(conflicts), conflicts };
  }
  const force = input.force || found.length > 0;
  const result = manager === KUBECTL_MANAGER ? syncLastApplied(live, merged, config) : merged;
  const changed = !jsonEqual(liveContent, result);
  const touched = union(comparison.added, comparison.modified);
  const next: FieldManager[] = others.map((m) => ({
    ...m,
    fields: difference(m.fields, comparison.removed, force ? touched : new Set()),
  }));
  const time = changed || !previous?.time ? formatTime(input.now) : previous.time;
  next.push({ manager, operation: 'Apply', apiVersion, time, ...(subresource ? { subresource } : {}), fields: newSet });
  const managedFields = encodeManagedFields(next);
  const metadata = isJsonObject(result.metadata) ? result.metadata : {};
  const object: JsonObject = {
    ...result,
    metadata: { ...metadata, managedFields: structuredClone(managedFields) as unknown as JsonObject[] },
  };
  return { ok: true, object, managedFields, changed };
}

function withoutManagedFields(object: JsonObject): JsonObject {
  const copy = structuredClone(object);
  if (isJsonObject(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
}

function refuse(code: 400 | 422, reason: 'BadRequest' | 'Invalid', message: string): ServerSideApplyFailure {
  return { ok: false, code, reason, message, conflicts: [] };
}

/** The API server's message: one conflict on one line, several grouped by manager. */
function conflictMessage(conflicts: FieldConflict[]): string {
  if (conflicts.length === 1) {
    const [only] = conflicts as [FieldConflict];
    return `Apply failed with 1 conflict: ${only.message}: ${only.field}`;
  }
  const lines: string[] = [];
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.message, [...(byManager.get(c.message) ?? []), c.field]);
  for (const [who, fields] of [...byManager].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`${who.replace(/^conflict with/, 'conflicts with')}:`, ...fields.map((f) => `- ${f}`));
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/**
 * The patch engines of the simulated API server: JSON merge patch, JSON patch, strategic merge patch with the
 * built-in kinds' strategy table, server-side apply with field management, and the canonical form used for
 * template hashing. Pure functions over plain JSON values.
 */
export { canonicalize } from './canonicalize.js';
export type { JsonObject, JsonValue } from './json.js';
export { applyJsonPatch, type JsonPatchOperation, MAX_JSON_PATCH_OPERATIONS } from './jsonPatch.js';
export type { ManagedFieldsEntry } from './managedFields.js';
export { applyMergePatch } from './mergePatch.js';
export type { PatchCause, PatchError, PatchResult } from './patchResult.js';
export { type ListStrategy, listStrategyAt, type PatchSchema } from './patchSchema.js';
export { OBJECT_META_SCHEMA, patchStrategyFor } from './patchStrategyFor.js';
export { type RecordUpdateInput, type RecordUpdateResult, recordUpdate } from './recordUpdate.js';
export {
  type FieldConflict,
  type ServerSideApplyFailure,
  type ServerSideApplyInput,
  type ServerSideApplyResult,
  type ServerSideApplySuccess,
  serverSideApply,
} from './serverSideApply.js';
export { applyStrategicMergePatch } from './strategicMergePatch.js';

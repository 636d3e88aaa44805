import { isJsonObject, type JsonObject, type JsonValue, jsonEqual } from './json.js';
import { arrayIndex, childOf, parsePointer, resolveContainer } from './jsonPointer.js';
import { badPatch, catchPatchAbort, PatchAbort, type PatchResult, unprocessablePatch } from './patchResult.js';

/** One operation of a JSON patch document. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: JsonValue;
}

/** The most operations the API server accepts in one JSON patch. */
export const MAX_JSON_PATCH_OPERATIONS = 10_000;

const fail = (detail: string): never => {
  throw new PatchAbort(unprocessablePatch(detail));
};

/**
 * JSON patch (RFC 6902), the `application/json-patch+json` PATCH body sent by `kubectl rollout undo` and
 * `kubectl patch --type=json`: `add`, `remove`, `replace`, `move`, `copy` and `test`, with `~0`/`~1` escapes and
 * `-` for the end of an array. The operations apply in order to a copy and all or nothing. A body that is not a list
 * of operations is a 400 BadRequest; more than {@link MAX_JSON_PATCH_OPERATIONS} a 413; an operation that does not
 * apply (failed `test`, missing path, bad index) the API server's 422 `the server rejected our request due to an
 * error in our request`, with the detail as cause. Never throws for user input; the inputs are not changed.
 * @see https://www.rfc-editor.org/rfc/rfc6902
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function applyJsonPatch(target: JsonValue, operations: unknown): PatchResult<JsonValue> {
  if (!Array.isArray(operations)) {
    return { ok: false, error: badPatch('json: cannot unmarshal object into Go value of type jsonpatch.Patch') };
  }
  if (!operations.every(isJsonObject)) {
    return { ok: false, error: badPatch('json: cannot unmarshal array into Go value of type jsonpatch.Operation') };
  }
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    return {
      ok: false,
      error: {
        code: 413,
        reason: 'RequestEntityTooLarge',
        message: `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
      },
    };
  }
  return catchPatchAbort(() => {
    let doc = structuredClone(target);
    for (const operation of operations) doc = applyOperation(doc, operation);
    return doc;
  });
}

function applyOperation(doc: JsonValue, operation: JsonObject): JsonValue {
  const op = operation.op;
  const path = pointerOf(operation, 'path', String(op));
  switch (op) {
    case 'add':
      return add(doc, path, operationValue(operation, op));
    case 'remove':
      remove(doc, path);
      return doc;
    case 'replace':
      return replace(doc, path, operationValue(operation, op));
    case 'move': {
      const from = pointerOf(operation, 'from', op);
      if (path.startsWith(`${from}/`))
        fail(`move operation does not apply: cannot move ${from} into its child ${path}`);
      const value = read(doc, from, `move operation does not apply: doc is missing from path: ${from}: missing value`);
      remove(doc, from);
      return add(doc, path, value);
    }
    case 'copy': {
      const from = pointerOf(operation, 'from', op);
      const value = read(doc, from, `copy operation does not apply: doc is missing from path: ${from}: missing value`);
      return add(doc, path, structuredClone(value));
    }
    case 'test': {
      const expected = operationValue(operation, op);
      const actual = read(doc, path, `test operation does not apply: is missing path: ${path}: missing value`);
      if (!jsonEqual(actual, expected)) fail(`testing value ${path} failed: test failed`);
      return doc;
    }
    default:
      return fail(`Unexpected kind: ${JSON.stringify(op ?? null)}`);
  }
}

function pointerOf(operation: JsonObject, member: 'path' | 'from', op: string): string {
  const pointer = operation[member];
  if (typeof pointer !== 'string') return fail(`${op} operation does not apply: missing ${member}`);
  if (parsePointer(pointer) === undefined) fail(`${op} operation does not apply: invalid JSON pointer ${pointer}`);
  return pointer;
}

function operationValue(operation: JsonObject, op: string): JsonValue {
  if (!Object.hasOwn(operation, 'value')) fail(`${op} operation does not apply: missing value`);
  return operation.value as JsonValue;
}

function split(pointer: string): { parent: string[]; last: string } | undefined {
  const tokens = parsePointer(pointer) ?? [];
  const last = tokens.pop();
  return last === undefined ? undefined : { parent: tokens, last };
}

function read(doc: JsonValue, pointer: string, missing: string): JsonValue {
  const parts = split(pointer);
  if (!parts) return doc;
  const value = childOf(resolveContainer(doc, parts.parent), parts.last);
  return value === undefined ? fail(missing) : value;
}

function add(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const parts = split(pointer);
  if (!parts) return structuredClone(value);
  const container = resolveContainer(doc, parts.parent);
  if (!container) return fail(`add operation does not apply: doc is missing path: "${pointer}": missing value`);
  if (Array.isArray(container)) {
    const index = parts.last === '-' ? container.length : arrayIndex(parts.last);
    if (index === undefined || index > container.length) return invalidIndex(parts.last);
    container.splice(index, 0, structuredClone(value));
  } else container[parts.last] = structuredClone(value);
  return doc;
}

function remove(doc: JsonValue, pointer: string): void {
  const parts = split(pointer);
  const container = parts && resolveContainer(doc, parts.parent);
  if (!parts || !container || childOf(container, parts.last) === undefined) {
    if (Array.isArray(container) && parts) invalidIndex(parts.last);
    fail(`remove operation does not apply: doc is missing path: "${pointer}": missing value`);
    return;
  }
  if (Array.isArray(container)) container.splice(Number(parts.last), 1);
  else delete container[parts.last];
}

function replace(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const parts = split(pointer);
  if (!parts) return structuredClone(value);
  const container = resolveContainer(doc, parts.parent);
  if (!container) return fail(`replace operation does not apply: doc is missing path: ${pointer}: missing value`);
  if (childOf(container, parts.last) === undefined) {
    if (Array.isArray(container)) return invalidIndex(parts.last);
    return fail(`replace operation does not apply: doc is missing key: ${pointer}: missing value`);
  }
  if (Array.isArray(container)) container[Number(parts.last)] = structuredClone(value);
  else container[parts.last] = structuredClone(value);
  return doc;
}

function invalidIndex(token: string): never {
  return fail(`Unable to access invalid index: ${token}: invalid index referenced`);
}

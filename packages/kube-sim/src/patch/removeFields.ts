import { itemMatches, pathKey, tokensOf } from './fieldPath.js';
import { isJsonObject, type JsonValue } from './json.js';
import { listStrategyAt, type PatchSchema } from './patchSchema.js';

interface Step {
  container: JsonValue;
  token: string;
}

/**
 * Removes fields from an object in place — what server-side apply does with fields an applier stopped sending and
 * nobody else owns. Removing a list item removes the whole item. Maps emptied by a removal go too, unless someone
 * owns them (`owned`), so dropping the last label of a manager does not leave `labels: {}` behind.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function removeFields(
  object: JsonValue,
  paths: Iterable<string>,
  owned: ReadonlySet<string>,
  schema: PatchSchema,
): void {
  const sorted = [...paths].map(tokensOf).sort((a, b) => a.length - b.length);
  for (const tokens of sorted) {
    const steps = locate(object, tokens, schema);
    if (!steps) continue;
    for (let depth = steps.length - 1; depth >= 0; depth--) {
      const { container, token } = steps[depth] as Step;
      const isField = token.startsWith('f:');
      if (depth < steps.length - 1) {
        const value = childAt(container, token, schema, tokens, depth);
        const empty =
          value !== undefined &&
          (isJsonObject(value) ? Object.keys(value).length === 0 : Array.isArray(value) && value.length === 0);
        if (!isField || !empty || owned.has(pathKey(tokens.slice(0, depth + 1)))) break;
      }
      removeChild(container, token, schema, tokens, depth);
    }
  }
}

/** The containers along a path and the token taken from each; undefined when the path does not exist. */
function locate(object: JsonValue, tokens: string[], schema: PatchSchema): Step[] | undefined {
  const steps: Step[] = [];
  let current: JsonValue | undefined = object;
  for (const [depth, token] of tokens.entries()) {
    if (current === undefined) return undefined;
    steps.push({ container: current, token });
    current = childAt(current, token, schema, tokens, depth);
  }
  return current === undefined ? undefined : steps;
}

/** The schema path of the list a token at `depth` indexes into. */
function listPath(tokens: string[], depth: number): string[] {
  return tokens.slice(0, depth).map((t) => (t.startsWith('f:') ? t.slice(2) : '[]'));
}

function childAt(
  container: JsonValue,
  token: string,
  schema: PatchSchema,
  tokens: string[],
  depth: number,
): JsonValue | undefined {
  if (token.startsWith('f:')) return isJsonObject(container) ? container[token.slice(2)] : undefined;
  if (!Array.isArray(container)) return undefined;
  const strategy = listStrategyAt(schema, listPath(tokens, depth));
  return container.find((item) => itemMatches(item, token, strategy));
}

function removeChild(container: JsonValue, token: string, schema: PatchSchema, tokens: string[], depth: number): void {
  if (token.startsWith('f:')) {
    if (isJsonObject(container)) delete container[token.slice(2)];
    return;
  }
  if (!Array.isArray(container)) return;
  const strategy = listStrategyAt(schema, listPath(tokens, depth));
  const index = container.findIndex((item) => itemMatches(item, token, strategy));
  if (index >= 0) container.splice(index, 1);
}

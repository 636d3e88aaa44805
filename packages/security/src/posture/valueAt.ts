/** The value at a rule's field path (`spec.template.spec.containers[0].securityContext`), or undefined. */
export function valueAt(obj: unknown, path: string | undefined): unknown {
  if (!path) return undefined;
  let node: unknown = obj;
  for (const part of path.match(/[^.[\]"]+/g) ?? []) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A short, single-line rendering of a value for evidence (secret-looking values are never read: callers skip them). */
export function showValue(value: unknown, max = 160): string {
  const text = value === undefined ? '(unset)' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Evaluates the simple JSONPath of a CRD's `additionalPrinterColumns` (`.spec.replicas`, `.spec.ports[0].port`,
 * `.status.conditions[?(@.type=="Ready")].status`) and returns the first value found, or undefined.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#additional-printer-columns
 */
export function evaluateJsonPath(object: unknown, path: string): unknown {
  const tokens =
    path
      .replace(/^\{?\.?/, '')
      .replace(/\}$/, '')
      .match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let current: unknown[] = [object];
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (token.startsWith('[?(')) {
        const m = token.match(/^\[\?\(@\.([\w.-]+)\s*==\s*["']?([^"')]*)["']?\)\]$/);
        if (!m || !Array.isArray(value)) continue;
        const [, key, want] = m as unknown as [string, string, string];
        next.push(...value.filter((item) => String(evaluateJsonPath(item, key)) === want));
      } else if (token.startsWith('[')) {
        const inner = token.slice(1, -1);
        if (!Array.isArray(value)) continue;
        if (inner === '*') next.push(...value);
        else if (/^-?\d+$/.test(inner)) next.push(value.at(Number(inner)));
      } else if (token === '*') {
        next.push(...Object.values(value));
      } else {
        next.push((value as Record<string, unknown>)[token]);
      }
    }
    current = next.filter((v) => v !== undefined);
  }
  return current[0];
}

import type { LabelSelector } from './kubeTypes.js';

/**
 * Whether `labels` satisfy a label selector. A plain map (a Service's `spec.selector`) means `matchLabels`.
 * An empty selector matches everything; callers decide what "no selector" means for their kind.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export function matchesSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector | Record<string, string>,
): boolean {
  const own = labels ?? {};
  const { matchLabels, matchExpressions } = normalizeSelector(selector);
  for (const [key, value] of Object.entries(matchLabels ?? {})) if (own[key] !== value) return false;
  for (const expr of matchExpressions ?? []) {
    const has = Object.hasOwn(own, expr.key);
    const value = own[expr.key];
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
        if (!has || !values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Reads a selector given either as a `LabelSelector` or as a plain label map. */
export function normalizeSelector(selector: LabelSelector | Record<string, string>): LabelSelector {
  const s = selector as LabelSelector;
  const isStructured =
    (s.matchLabels !== undefined && typeof s.matchLabels === 'object') ||
    (s.matchExpressions !== undefined && Array.isArray(s.matchExpressions));
  return isStructured ? s : { matchLabels: selector as Record<string, string> };
}

/** True when the selector has no terms at all. */
export function isEmptySelector(selector: LabelSelector | Record<string, string> | undefined): boolean {
  if (!selector) return true;
  const { matchLabels, matchExpressions } = normalizeSelector(selector);
  return Object.keys(matchLabels ?? {}).length === 0 && (matchExpressions ?? []).length === 0;
}

/** A selector written as kubectl's `-l` flag takes it, e.g. `app=backend,tier in (web)`. */
export function selectorText(selector: LabelSelector | Record<string, string>): string {
  const { matchLabels, matchExpressions } = normalizeSelector(selector);
  const terms = Object.entries(matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of matchExpressions ?? []) {
    if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
    else terms.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
  }
  return terms.join(',');
}

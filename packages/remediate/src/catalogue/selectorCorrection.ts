import { isTypoOf } from '../cluster/editDistance.js';

/** How a selector maps onto one label set: the corrected selector and the pairs changed. */
export interface SelectorCorrection {
  selector: Record<string, string>;
  changed: { from: string; to: string }[];
}

/**
 * The selector corrected to `labels`, when every pair either matches or is one typo away (in its key or its value)
 * from a label the set carries; undefined when some pair has no near match, or nothing differs.
 */
export function selectorCorrection(
  selector: Record<string, string>,
  labels: Record<string, string>,
): SelectorCorrection | undefined {
  const corrected: Record<string, string> = {};
  const changed: { from: string; to: string }[] = [];
  for (const [key, value] of Object.entries(selector)) {
    if (labels[key] === value) {
      corrected[key] = value;
      continue;
    }
    const near = Object.entries(labels).find(
      ([k, v]) => (k === key && isTypoOf(value, v)) || (v === value && isTypoOf(key, k)),
    );
    if (!near) return undefined;
    corrected[near[0]] = near[1];
    changed.push({ from: `${key}=${value}`, to: `${near[0]}=${near[1]}` });
  }
  return changed.length > 0 ? { selector: corrected, changed } : undefined;
}

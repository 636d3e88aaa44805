import type { ClusterSnapshot, Finding } from '@opspilot/core';
import { createMasker, type Masker } from './masker.js';

/** Fields whose values are vocabulary, not cluster data, and stay as they are. */
const KEEP = new Set(['analyzer', 'severity', 'kind', 'docsUrl', 'type', 'apiVersion']);

function mapStrings(value: unknown, fn: (s: string) => string, key?: string): unknown {
  if (typeof value === 'string') return key && KEEP.has(key) ? value : fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), mapStrings(v, fn, k)]));
  }
  return value;
}

/** Findings as they may be shown to a model: masked, and without their list of sensitive values. */
export interface MaskedFindings {
  findings: Omit<Finding, 'sensitive'>[];
  masker: Masker;
}

/**
 * Masks findings before they leave for a language model: every string in them (messages, evidence, fixes, ids,
 * resource names; object keys too) goes through a {@link Masker} built from the findings and the snapshot, and
 * the `sensitive` list itself is dropped. Use `masker.unmask` on the model's answer.
 * @example
 * const { findings, masker } = maskFindings(group, snapshot);
 * const answer = await model.generate(promptFor(findings));
 * print(masker.unmask(answer.text));
 */
export function maskFindings(findings: Finding[], snapshot: ClusterSnapshot): MaskedFindings {
  const stripped = findings.map(({ sensitive: _sensitive, ...rest }) => rest);
  const strings: string[] = [];
  mapStrings(stripped, (s) => {
    strings.push(s);
    return s;
  });
  const masker = createMasker(findings, snapshot, strings.join('\n'));
  return { findings: stripped.map((f) => mapStrings(f, masker.mask) as Omit<Finding, 'sensitive'>), masker };
}

/** Restores a masked value (string, or any JSON structure of strings) from its placeholders. */
export function unmask<T>(value: T, masker: Masker): T {
  return mapStrings(value, masker.unmask) as T;
}

import type { RE2JS } from 're2js';
import { compileRegex, type LogSelector } from './logqlSubset.js';

/** A {@link LogSelector} compiled for matching streams and lines. */
export interface LogMatcher {
  /** Whether a stream with these labels is selected (a label it lacks counts as the empty value, as in Loki). */
  stream(labels: Record<string, string>): boolean;
  /** Whether a line passes every line filter. */
  line(text: string): boolean;
}

const anchored = (pattern: string, query: string) => compileRegex(`^(?:${pattern})$`, query, 0);

/** Compiles a parsed selector; regular expressions run on RE2 (linear time, safe on user input). */
export function compileLogMatcher(selector: LogSelector): LogMatcher {
  const query = JSON.stringify(selector);
  const labelTests = selector.matchers.map((m) => {
    if (m.op === '=') return (labels: Record<string, string>) => (labels[m.name] ?? '') === m.value;
    if (m.op === '!=') return (labels: Record<string, string>) => (labels[m.name] ?? '') !== m.value;
    const re: RE2JS = anchored(m.value, query);
    const want = m.op === '=~';
    return (labels: Record<string, string>) => re.matches(labels[m.name] ?? '') === want;
  });
  const lineTests = selector.filters.map((f) => {
    if (f.op === '|=') return (line: string) => line.includes(f.value);
    if (f.op === '!=') return (line: string) => !line.includes(f.value);
    const re = compileRegex(f.value, query, 0);
    const want = f.op === '|~';
    return (line: string) => re.matcher(line).find() === want;
  });
  return {
    stream: (labels) => labelTests.every((test) => test(labels)),
    line: (text) => lineTests.every((test) => test(text)),
  };
}

/**
 * What of a selector the Kubernetes API can filter on its own: the namespace (`namespace="x"`), and a label selector
 * from the other equality matchers (`app=backend,tier!=cache`). Regex matchers and the stream labels opspilot adds
 * (`pod`, `container`, `node`, `cluster`) are applied afterwards by {@link compileLogMatcher}.
 */
export function kubeSelectorOf(selector: LogSelector): { namespace?: string; labelSelector?: string } {
  const own = new Set(['namespace', 'pod', 'container', 'node', 'cluster']);
  const namespace = selector.matchers.find((m) => m.name === 'namespace' && m.op === '=')?.value;
  const parts = selector.matchers
    .filter((m) => !own.has(m.name) && (m.op === '=' || m.op === '!=') && /^[A-Za-z0-9_.\-/]*$/.test(m.value))
    .filter((m) => m.op === '!=' || m.value !== '')
    .map((m) => `${m.name}${m.op}${m.value}`);
  return { ...(namespace ? { namespace } : {}), ...(parts.length ? { labelSelector: parts.join(',') } : {}) };
}

import type { MetricQuestion } from '@opspilot/core';

const UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
  d: 86_400,
  day: 86_400,
};
const WINDOW =
  /\s*(?:(?:in|over|for|during)\s+)?(?:the\s+)?(?:last|past|previous)\s+(\d+|an?|one)?\s*(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)\b\s*$/i;

function windowOf(text: string): { rest: string; seconds?: number } {
  const m = WINDOW.exec(text);
  if (!m) return { rest: text };
  const n = !m[1] || /^(an?|one)$/i.test(m[1]) ? 1 : Number(m[1]);
  const unit = m[2]!.toLowerCase().replace(/s$/, '');
  return { rest: text.slice(0, m.index).trim(), seconds: n * (UNITS[unit] ?? UNITS[unit.slice(0, 1)] ?? 3600) };
}

const TOP = /\b(?:most|highest|top|biggest|largest|heaviest|hungriest|greatest)\b/i;
const MEMORY = /\b(?:memory|mem|ram)\b/i;
const CPU = /\b(?:cpu|processor|cores?)\b/i;
const NAME = String.raw`(?:the\s+)?([a-z0-9][-a-z0-9.]*?)(?:\s+(?:deployment|workload|service|app|pods?))?`;

/**
 * Reads metric questions such as "which pods use the most memory", "show cpu usage of nodes" or "error rate of
 * backend in the last hour" as a named query of the metrics service (undefined for anything else), so that `ask`
 * answers them with numbers instead of reading "pods using the most memory" as the name of a pod. The one place
 * where `ask` routes metric questions: the planners call it first.
 */
export function matchMetricQuestion(input: string): MetricQuestion | undefined {
  const text = input
    .trim()
    .replace(/[?.!]+$/, '')
    .replace(/\s+/g, ' ');
  const { rest, seconds } = windowOf(text);
  const window = seconds ? { windowSeconds: seconds } : {};
  const pods = /\bpods?\b/i.test(rest);
  const nodes = /\bnodes?\b/i.test(rest);
  const ns = rest.match(
    /\b(?:in|of)\s+(?:the\s+)?(?:namespace\s+)?([a-z0-9][-a-z0-9]*)\s+namespace\b|\bin\s+namespace\s+([a-z0-9][-a-z0-9]*)\b/i,
  );
  const namespace = ns ? { namespace: (ns[1] ?? ns[2])!.toLowerCase() } : {};
  if (pods && TOP.test(rest) && MEMORY.test(rest)) return { name: 'top-pods-by-memory', params: namespace, ...window };
  if (pods && TOP.test(rest) && CPU.test(rest)) return { name: 'top-pods-by-cpu', params: namespace, ...window };
  const restarts = /\brestarts\b|\brestart\w*\s+(?:the\s+)?most\b/i.test(rest) && !/^restart\b/i.test(rest);
  if (pods && restarts) return { name: 'restarts', params: namespace, ...window };
  if (nodes && CPU.test(rest) && !pods) return { name: 'node-cpu', params: {}, ...window };
  if (nodes && MEMORY.test(rest) && !pods) return { name: 'node-memory', params: {}, ...window };
  const per = (what: string) =>
    new RegExp(String.raw`\b(?:${what})\s+(?:of|for|on|in)\s+${NAME}$`, 'i').exec(rest) ??
    new RegExp(
      String.raw`^(?:what\s+is\s+|what'?s\s+|show\s+(?:me\s+)?|get\s+)?${NAME}(?:'s)?\s+(?:${what})$`,
      'i',
    ).exec(rest);
  const rules: [string, string][] = [
    ['error-rate', String.raw`(?:error|failure|5xx)\s+rate|errors?\s+per\s+second|(?:share|percentage)\s+of\s+errors`],
    ['request-rate', String.raw`(?:request|traffic|http)\s+rate|requests\s+per\s+second|rps|traffic`],
    ['workload-cpu', String.raw`cpu(?:\s+usage|\s+use)?`],
    ['workload-memory', String.raw`(?:memory|mem|ram)(?:\s+usage|\s+use)?`],
  ];
  for (const [name, what] of rules) {
    const m = per(what);
    if (m?.[1] && !/^(?:nodes?|pods?|all|the|cluster)$/i.test(m[1])) {
      return { name, params: { app: m[1].toLowerCase(), ...namespace }, ...window };
    }
  }
  return undefined;
}

/** What a metric question was read as, in words: `metrics: error-rate of backend over the last 3600 s`. */
export function describeMetricQuestion(question: MetricQuestion): string {
  const { app, namespace } = question.params;
  return [
    `metrics: ${question.name}`,
    app ? ` of ${app}` : '',
    namespace ? ` in namespace ${namespace}` : '',
    question.windowSeconds ? ` over the last ${question.windowSeconds} s` : '',
  ].join('');
}

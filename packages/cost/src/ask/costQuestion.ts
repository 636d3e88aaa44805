import type { CostQuestion } from '@opspilot/core';

export type { CostQuestion };

/** Words around "namespace" that are not its name. */
const STOP_WORDS = new Set([
  'cost',
  'costs',
  'spend',
  'the',
  'a',
  'does',
  'do',
  'did',
  'is',
  'per',
  'each',
  'of',
  'in',
]);

/** How a question (rather than an operation) begins. */
const QUESTION =
  /^(how|what|what's|whats|which|show|tell|give|list|estimate|cost|costs|monthly|daily|total|spend|where)\b/;

const NAME = '([a-z0-9]([-a-z0-9.]*[a-z0-9])?)';

/**
 * Recognises the cost questions of `ask` — "how much does namespace todo cost per month", "what can I save",
 * "rightsize backend" — or returns undefined so the planner carries on.
 */
export function parseCostQuestion(text: string): CostQuestion | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[?!.]+$/, '');
  const inNs = new RegExp(`\\b(?:in|of) (?:the )?(?:namespace )?${NAME}(?: namespace)?$`).exec(t);
  const rightsize = new RegExp(
    `^(?:please )?(?:rightsize|right-size|right size)(?: (?:deployment|workload|statefulset|daemonset))? ${NAME}(?: in (?:namespace )?${NAME})?$`,
  ).exec(t);
  if (rightsize)
    return { kind: 'rightsize', workload: rightsize[1]!, ...(rightsize[3] ? { namespace: rightsize[3] } : {}) };
  // Only a question is a cost question: "create namespace cost" or "label backend team=savings" are operations.
  if (!QUESTION.test(t) && !text.trim().endsWith('?')) return undefined;
  if (/\b(what|how much) (can|could) (i|we) save\b|\bsavings?\b|\bsave (money|cost)/.test(t)) {
    return { kind: 'savings', ...(inNs ? { namespace: inNs[1]! } : {}) };
  }
  const cost = /\b(cost|costs|spend|spending|spent)\b/.test(t) || /how much (does|do|did|is)/.test(t);
  if (!cost || !/\b(cost|costs|spend|spending|spent|price|bill)\b/.test(t)) return undefined;
  const period = /\b(per|a|each) (hour)\b|\bhourly\b/.test(t)
    ? 'hour'
    : /\b(per|a|each) day\b|\bdaily\b/.test(t)
      ? 'day'
      : 'month';
  const ns = [new RegExp(`\\bnamespace ${NAME}\\b`).exec(t), new RegExp(`\\b${NAME} namespace\\b`).exec(t)]
    .map((m) => m?.[1])
    .find((n) => n !== undefined && !STOP_WORDS.has(n));
  if (ns) return { kind: 'cost', namespace: ns, period };
  const wl = new RegExp(`\\b(?:deployment|workload|statefulset|app) ${NAME}\\b`).exec(t);
  if (wl) return { kind: 'cost', workload: wl[1]!, period };
  return { kind: 'cost', period };
}

import type { KubeObject } from '../../ports/kubeObject.js';
import type { Plan } from '../../ports/plan.js';
import type { PlanStep, StepObject } from '../../ports/planStep.js';
import type { Operation } from './operation.js';

/** What a Secret value is shown as wherever a plan or an operation is printed, returned, announced or audited. */
export const REDACTED_VALUE = '<redacted>';

const SECRET_FIELDS = ['data', 'stringData'] as const;
/** Written by client-side `kubectl apply`: the whole manifest as JSON, values included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Values = Record<string, unknown>;

const isSecret = (object: unknown): object is KubeObject =>
  typeof object === 'object' && object !== null && (object as { kind?: unknown }).kind === 'Secret';

const fieldOf = (object: KubeObject | undefined, field: string): Values | undefined => {
  const values = object?.[field];
  return typeof values === 'object' && values !== null && !Array.isArray(values) ? (values as Values) : undefined;
};

/**
 * A Secret with every `data` and `stringData` value replaced by {@link REDACTED_VALUE}, its keys kept (and its
 * last-applied-configuration annotation, which repeats them, redacted whole); any other object is returned unchanged. Given `other` — the same Secret on the other side of a diff — a value that differs
 * between the two is shown as `<redacted> (before)` on `side: 'before'` and `<redacted> (after)` on `'after'`, as
 * `kubectl diff` does, so a reviewer sees which keys change without seeing any value.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export function redactSecret<T extends StepObject>(object: T, other?: StepObject, side?: 'before' | 'after'): T {
  if (!isSecret(object)) return object;
  const out: Values = { ...object };
  const annotations = object.metadata?.annotations;
  if (annotations?.[LAST_APPLIED] !== undefined) {
    out.metadata = { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: REDACTED_VALUE } };
  }
  for (const field of SECRET_FIELDS) {
    const values = fieldOf(object, field);
    if (!values) continue;
    const theirs = isSecret(other) ? fieldOf(other, field) : undefined;
    out[field] = Object.fromEntries(
      Object.entries(values).map(([key, value]) => {
        const changed = side && theirs && key in theirs && theirs[key] !== value;
        return [key, changed ? `${REDACTED_VALUE} (${side})` : REDACTED_VALUE];
      }),
    );
  }
  return out as T;
}

const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

function fromBase64(text: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * The Secret values a plan carries (its applied Secrets' non-empty `stringData` and `data` values), each also in its
 * other encoding (base64 of `stringData`, decoded `data`). Empty when the plan carries none — a generated Secret with
 * blank values, or no Secret at all — and then nothing in it needs hiding or sealing.
 */
export function planSecretValues(plan: Plan): string[] {
  const values = new Set<string>();
  for (const step of plan.steps) {
    if (step.op !== 'apply' || !isSecret(step.object)) continue;
    for (const field of SECRET_FIELDS) {
      for (const value of Object.values(fieldOf(step.object, field) ?? {})) {
        if (typeof value !== 'string' || value === '') continue;
        values.add(value);
        const other = field === 'stringData' ? toBase64(value) : fromBase64(value);
        if (other) values.add(other);
      }
    }
  }
  return [...values];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each of `values` in free text (a request, a message, a diff) where it stands as a word of its own. */
function scrubber(values: string[]): (text: string) => string {
  if (values.length === 0) return (text) => text;
  const alternatives = [...values].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![A-Za-z0-9])`, 'g');
  return (text) => text.replace(pattern, REDACTED_VALUE);
}

function redactStep(step: PlanStep, scrub: (text: string) => string): PlanStep {
  const described = { ...step, description: scrub(step.description) };
  return described.op === 'apply' ? { ...described, object: redactSecret(described.object) } : described;
}

function redactWith(plan: Plan, scrub: (text: string) => string): Plan {
  return {
    ...plan,
    request: scrub(plan.request),
    summary: scrub(plan.summary),
    steps: plan.steps.map((step) => redactStep(step, scrub)),
    riskReasons: plan.riskReasons.map(scrub),
    assumptions: plan.assumptions.map(scrub),
    rendered: { bash: scrub(plan.rendered.bash), powershell: scrub(plan.rendered.powershell) },
  };
}

/**
 * The plan as it may be shown, returned, announced, audited or stored in clear: Secret `data`/`stringData` values
 * replaced by {@link REDACTED_VALUE} (keys kept), and those values taken out of its request, summary, step
 * descriptions, reasons, assumptions and rendered commands. Only the code that applies a plan uses the original.
 * @example
 * redactPlan(plan).steps[0].object.stringData; // { password: '<redacted>' }
 */
export function redactPlan(plan: Plan): Plan {
  return redactWith(plan, scrubber(planSecretValues(plan)));
}

/**
 * The operation as it may leave the lifecycle (API responses, events, CLI output, the audit trail): its plan through
 * {@link redactPlan}, and its plan's Secret values taken out of the request, diff, problems, result and step outcomes.
 */
export function redactOperation(operation: Operation): Operation {
  const scrub = scrubber(planSecretValues(operation.plan));
  return {
    ...operation,
    request: scrub(operation.request),
    plan: redactWith(operation.plan, scrub),
    risk_reasons: operation.risk_reasons.map(scrub),
    diff: scrub(operation.diff),
    problems: operation.problems.map(scrub),
    steps: operation.steps.map((s) => ({ ...s, description: scrub(s.description), message: scrub(s.message) })),
    result: scrub(operation.result),
  };
}

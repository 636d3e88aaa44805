import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { MAX_HEALING_RETRIES } from './healingRule.js';
import { notBefore } from './timeOrder.js';
import { type ModelRule, withRules } from './withRules.js';

/** Progress of a healing action; SKIPPED when a cooldown or policy held it back (the reason is in `result`). */
export const HealingActionStatus = z.enum([
  'PENDING',
  'AWAITING_APPROVAL',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'SKIPPED',
]);
export type HealingActionStatus = z.infer<typeof HealingActionStatus>;

/**
 * The object a healing action works on, written `kind/namespace/name` for namespaced kinds and `kind/name` for
 * cluster-scoped ones, with the kind in lowercase: `deployment/todo/backend`, `node/worker-1`.
 */
export const HealingTarget = z
  .string()
  .regex(/^[a-z0-9.-]+\/[^/\s]+(\/[^/\s]+)?$/, 'must be kind/namespace/name or kind/name, e.g. pod/todo/backend-1');
export type HealingTarget = z.infer<typeof HealingTarget>;

/**
 * What started a healing action: a healing rule (`RULE`), or a person applying a fix by hand (`MANUAL`: `ask "fix …"`,
 * the Fix button, `opspilot fix`, a security fix) — recorded too, so learning counts every fix.
 */
export const HealingTrigger = z.enum(['RULE', 'MANUAL']);
export type HealingTrigger = z.infer<typeof HealingTrigger>;

const actionFields = {
  /** The rule that acted; absent for a MANUAL action. */
  rule_id: Uuid.optional(),
  trigger: HealingTrigger.default('RULE'),
  cluster_id: Uuid.optional(),
  target: HealingTarget,
  status: HealingActionStatus.default('PENDING'),
  /** Previewed with a server-side dry run only; nothing changed. */
  dry_run: z.boolean().default(false),
  /** 1 for the first try; a rule allows 1 + `max_retries`. */
  attempt: z
    .number()
    .int()
    .min(1)
    .max(MAX_HEALING_RETRIES + 1)
    .default(1),
  /** What the action reported, e.g. its summary, the objects it changed or the error. */
  result: JsonObject.default({}),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
};

const actionRules: ModelRule<{ started_at?: string; finished_at?: string; rule_id?: string; trigger?: string }>[] = [
  {
    check: (a) => !!a.rule_id || a.trigger === 'MANUAL',
    message: 'a healing action names its rule unless a person applied it (trigger MANUAL)',
    path: ['rule_id'],
  },
  {
    check: (a) => notBefore(a.started_at, a.finished_at),
    message: 'finished_at must not be before started_at',
    path: ['finished_at'],
  },
];

/** One run of a healing rule's action on one target (seed 004 `healing_actions`, `selfHealing.getHistory`). */
export const HealingAction = withRules(z.object({ id: Uuid, ...actionFields, created_at: Timestamp }), actionRules);
export type HealingAction = z.infer<typeof HealingAction>;

/** What the healing engine supplies to record a {@link HealingAction}. */
export const NewHealingAction = withRules(z.object(actionFields), actionRules);
export type NewHealingAction = z.input<typeof NewHealingAction>;

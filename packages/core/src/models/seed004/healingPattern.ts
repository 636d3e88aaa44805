import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { ActionId } from './runbookStep.js';
import { type ModelRule, withRules } from './withRules.js';

const patternFields = {
  /** A stable key for the failure, e.g. `Pod:CrashLoopBackOff:OOMKilled`. */
  signature: z.string().min(1).max(255),
  description: z.string().default(''),
  /** How often the failure was seen. */
  occurrences: z.number().int().min(0).default(0),
  /** Share of the recommended action's runs that fixed it, 0 to 1. */
  success_rate: z.number().min(0).max(1).default(0),
  /** The registered action that fixed it, e.g. `deployment:rollback`. */
  recommended_action: ActionId,
  last_seen_at: Timestamp.optional(),
};

const patternRules: ModelRule<{ occurrences: number; success_rate: number }>[] = [
  {
    check: (p) => p.occurrences > 0 || p.success_rate === 0,
    message: 'a pattern never seen has no success rate',
    path: ['success_rate'],
  },
];

/**
 * A recovery pattern learned from past incidents and healing actions (seed 004 `healing_patterns`): for a
 * failure signature, the action that fixed it and how reliably. Suggests new healing rules.
 */
export const HealingPattern = withRules(z.object({ id: Uuid, ...patternFields, created_at: Timestamp }), patternRules);
export type HealingPattern = z.infer<typeof HealingPattern>;

/** What the learner supplies to record a {@link HealingPattern}. */
export const NewHealingPattern = withRules(z.object(patternFields), patternRules);
export type NewHealingPattern = z.input<typeof NewHealingPattern>;

import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { ActionId } from './runbookStep.js';

/** Most retries a healing rule may ask for: a fix that fails ten times needs a person, not an eleventh try. */
export const MAX_HEALING_RETRIES = 10;

const ruleFields = {
  /** Leave out for a rule that applies to every cluster. */
  cluster_id: Uuid.optional(),
  name: z.string().min(1).max(255),
  description: z.string().default(''),
  /** What to watch for, e.g. `pod-crash-loop` (an analyzer id) or `metric-threshold`. */
  condition_type: z.string().min(1).max(100),
  /** Parameters of the condition, e.g. `{ restarts: 5, window: '10m' }`. */
  condition_config: JsonObject,
  /** The registered action to run, e.g. `pod:restart` or `deployment:rollback`. */
  action_type: ActionId,
  /** The action's input, checked against its schema when the rule is saved. */
  action_config: JsonObject,
  enabled: z.boolean().default(true),
  /** Quiet time after the rule fires on a target, so a flapping workload is not healed in a loop. */
  cooldown_seconds: z.number().int().min(0).default(300),
  max_retries: z.number().int().min(0).max(MAX_HEALING_RETRIES).default(3),
};

/**
 * A self-healing rule (seed 004 `healing_rules`): when the condition holds for a target, run the action. Every
 * run goes through the operation lifecycle, so writes still need review unless policy auto-approves them.
 */
export const HealingRule = z.object({ id: Uuid, ...ruleFields, created_at: Timestamp });
export type HealingRule = z.infer<typeof HealingRule>;

/** What a caller supplies to create a {@link HealingRule} (`selfHealing.createRule`). */
export const NewHealingRule = z.object(ruleFields);
export type NewHealingRule = z.input<typeof NewHealingRule>;

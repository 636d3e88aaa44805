import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

const ruleFields = {
  cluster_id: Uuid.optional(),
  name: z.string().min(1).max(255),
  description: z.string().default(''),
  condition_type: z.string().min(1).max(100),
  condition_config: JsonObject,
  action_type: z.string().min(1).max(100),
  action_config: JsonObject,
  enabled: z.boolean().default(true),
  cooldown_seconds: z.number().int().min(0).default(300),
  max_retries: z.number().int().min(0).max(10).default(3),
};

/** A self-healing rule: a condition and the action it triggers (seed 004 `healing_rules`). */
export const HealingRule = z.object({ id: Uuid, ...ruleFields, created_at: Timestamp });
export type HealingRule = z.infer<typeof HealingRule>;

/** The caller-supplied part of a {@link HealingRule}. */
export const NewHealingRule = z.object(ruleFields);
export type NewHealingRule = z.input<typeof NewHealingRule>;

const actionFields = {
  rule_id: Uuid,
  cluster_id: Uuid.optional(),
  target: z.string().min(1),
  status: z.enum(['PENDING', 'AWAITING_APPROVAL', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED']).default('PENDING'),
  dry_run: z.boolean().default(false),
  attempt: z.number().int().min(1).default(1),
  result: JsonObject.default({}),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
};

/** One executed healing action (seed 004 `healing_actions`). */
export const HealingAction = z.object({ id: Uuid, ...actionFields, created_at: Timestamp });
export type HealingAction = z.infer<typeof HealingAction>;

/** The caller-supplied part of a {@link HealingAction}. */
export const NewHealingAction = z.object(actionFields);
export type NewHealingAction = z.input<typeof NewHealingAction>;

const patternFields = {
  signature: z.string().min(1),
  description: z.string().default(''),
  occurrences: z.number().int().min(0).default(0),
  success_rate: z.number().min(0).max(1).default(0),
  recommended_action: z.string().min(1),
  last_seen_at: Timestamp.optional(),
};

/** A recovery pattern learned from past incidents (seed 004 `healing_patterns`). */
export const HealingPattern = z.object({ id: Uuid, ...patternFields, created_at: Timestamp });
export type HealingPattern = z.infer<typeof HealingPattern>;

/** The caller-supplied part of a {@link HealingPattern}. */
export const NewHealingPattern = z.object(patternFields);
export type NewHealingPattern = z.input<typeof NewHealingPattern>;

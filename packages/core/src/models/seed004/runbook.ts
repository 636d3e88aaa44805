import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { RunbookStep } from './runbookStep.js';
import { type ModelRule, withRules } from './withRules.js';

const runbookFields = {
  name: z.string().min(1).max(255),
  description: z.string().default(''),
  /**
   * When the runbook offers itself for an incident, e.g. `{ alertname: 'KubePodCrashLooping', severity: 'CRITICAL' }`;
   * empty means it is run by hand.
   */
  trigger_conditions: JsonObject.default({}),
  steps: z.array(RunbookStep).min(1, 'a runbook needs at least one step'),
  auto_execute: z.boolean().default(false),
  requires_approval: z.boolean().default(true),
};

interface RunbookShape {
  steps: { id: string; effect: string }[];
  auto_execute: boolean;
  requires_approval: boolean;
}

const runbookRules: ModelRule<RunbookShape>[] = [
  {
    check: (r) => new Set(r.steps.map((s) => s.id)).size === r.steps.length,
    message: 'step ids must be unique',
    path: ['steps'],
  },
  {
    check: (r) => !r.auto_execute || r.requires_approval || r.steps.every((s) => s.effect !== 'DESTRUCTIVE'),
    message: 'a runbook with destructive steps cannot auto-execute without approval',
    path: ['requires_approval'],
  },
];

/**
 * An automated runbook (seed 004 `runbooks`): ordered steps, each a registered action. Executing it goes through
 * the operation lifecycle; `requires_approval` holds the whole run for a person before its first write.
 */
export const Runbook = withRules(
  z.object({ id: Uuid, ...runbookFields, created_at: Timestamp, updated_at: Timestamp }),
  runbookRules,
);
export type Runbook = z.infer<typeof Runbook>;

/** What a caller supplies to create a {@link Runbook}. */
export const NewRunbook = withRules(z.object(runbookFields), runbookRules);
export type NewRunbook = z.input<typeof NewRunbook>;

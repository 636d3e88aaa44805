import { z } from 'zod';
import { CauseKind } from '../rca/cause.js';

const StepId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a step id such as roll-back');
const ActionRef = z.string().regex(/^[a-z0-9][a-z0-9:.-]*$/, 'must be an action id such as deployment:rollback');
/** Inputs of a step: values, where `{{ name }}` stands for a parameter of the runbook. */
const With = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({});

const common = {
  id: StepId,
  name: z.string().min(1).max(200).optional(),
  /** Steps that must finish first; the previous step when missing. */
  after: z.array(StepId).optional(),
  timeout_seconds: z.number().int().min(1).max(3600).default(300),
  continue_on_failure: z.boolean().default(false),
};

/** A diagnostic reads and records what it saw; it never fails the run unless told to. */
const Diagnostic = z
  .object({
    ...common,
    type: z.literal('diagnostic'),
    action: ActionRef,
    with: With,
    continue_on_failure: z.boolean().default(true),
  })
  .strict();
/** An action changes the cluster through the operation lifecycle; `rollback` says how to take it back. */
const ActionStep = z
  .object({
    ...common,
    type: z.literal('action'),
    action: ActionRef,
    with: With,
    rollback: z.object({ action: ActionRef, with: With }).strict().optional(),
  })
  .strict();
const Wait = z.object({ ...common, type: z.literal('wait'), seconds: z.number().int().min(1).max(3600) }).strict();
/** A check polls until its expected state holds, or fails the run (and rolls back) at its timeout. */
const Check = z
  .object({
    ...common,
    type: z.literal('check'),
    action: ActionRef,
    with: With,
    timeout_seconds: z.number().int().min(1).max(3600).default(120),
    interval_seconds: z.number().int().min(1).max(300).default(5),
  })
  .strict();

/** One step of a runbook document. */
export const RunbookDocStep = z.discriminatedUnion('type', [Diagnostic, ActionStep, Wait, Check]);
export type RunbookDocStep = z.infer<typeof RunbookDocStep>;

/** A parameter of a runbook: filled in from the suggested cause, or by whoever runs it. */
export const RunbookParameter = z
  .object({
    description: z.string().default(''),
    required: z.boolean().default(true),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .strict();

/**
 * A runbook as its YAML says it (`kind: Runbook`): metadata, when it offers itself (`triggers`: cause kinds and alert
 * names), its parameters, whether it may run without a person, and its steps.
 * @example
 * apiVersion: opspilot.dev/v1
 * kind: Runbook
 * metadata: { name: scale-out, description: Add replicas to a saturated workload }
 * triggers: { causes: [saturation] }
 * parameters: { namespace: {}, workload: {} }
 * steps:
 *   - { id: scale, type: action, action: workload:scale, with: { namespace: '{{ namespace }}', workload: '{{ workload }}' } }
 */
export const RunbookDocument = z
  .object({
    apiVersion: z.literal('opspilot.dev/v1'),
    kind: z.literal('Runbook'),
    metadata: z
      .object({
        name: z
          .string()
          .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a DNS label such as rollback-bad-rollout'),
        description: z.string().default(''),
      })
      .strict(),
    triggers: z
      .object({ causes: z.array(CauseKind).default([]), alerts: z.array(z.string().min(1)).default([]) })
      .strict()
      .default({ causes: [], alerts: [] }),
    parameters: z
      .record(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a parameter name such as namespace'), RunbookParameter)
      .default({}),
    auto_execute: z.boolean().default(false),
    requires_approval: z.boolean().default(true),
    steps: z.array(RunbookDocStep).min(1, 'a runbook needs at least one step').max(50),
  })
  .strict();
export type RunbookDocument = z.infer<typeof RunbookDocument>;

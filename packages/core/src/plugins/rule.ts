import { z } from 'zod';
import { ValidationResult, ValidationSeverity } from '../models/seed000/index.js';
import { functionField, PluginId, parseDefinition } from './parseDefinition.js';

/** Which concern a best-practice rule guards, for grouping in reports and for policy switches. */
export const RuleCategory = z.enum(['security', 'reliability', 'efficiency']);
export type RuleCategory = z.infer<typeof RuleCategory>;

/**
 * One broken rule in a manifest or Dockerfile: a seed 000 {@link ValidationResult} (so it is stored on the
 * generated configuration as is) plus an optional `fix` telling the user what to change.
 */
export const Violation = ValidationResult.extend({ fix: z.string().optional() });
export type Violation = z.infer<typeof Violation>;

/**
 * A validator rule over a parsed document: a Kubernetes object of one of the `appliesTo` kinds, or a parsed
 * Dockerfile. Rules are pure; `severity` is the default for the violations they report.
 */
export interface Rule<D = unknown, C = unknown> {
  id: string;
  appliesTo: string[] | 'Dockerfile';
  category: RuleCategory;
  severity: ValidationSeverity;
  description: string;
  check(doc: D, ctx: C): Violation[];
}

const RuleDefinition = z.object({
  id: PluginId,
  appliesTo: z.union([z.literal('Dockerfile'), z.array(z.string().min(1)).min(1, 'name at least one kind')]),
  category: RuleCategory,
  severity: ValidationSeverity,
  description: z.string().min(1),
  check: functionField(),
});

/**
 * Declares a validator rule, checking its definition; throws InputError when malformed.
 * @example
 * export const noLatestTag = defineRule({
 *   id: 'no-latest-tag', appliesTo: ['Deployment', 'StatefulSet'], category: 'reliability', severity: 'WARNING',
 *   description: 'Images must be pinned to a version', check: (doc) => latestTagViolations(doc),
 * });
 */
export function defineRule<D, C>(definition: Rule<D, C>): Rule<D, C> {
  parseDefinition('rule', RuleDefinition, definition);
  return definition;
}

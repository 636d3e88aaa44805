import { z } from 'zod';
import { PluginId, parseDefinition } from './pluginId.js';

/** Severity of a validation violation. */
export const RuleSeverity = z.enum(['ERROR', 'WARNING', 'INFO']);
/** Category of a best-practice rule. */
export const RuleCategory = z.enum(['security', 'reliability', 'efficiency']);

/** One broken rule in a manifest or Dockerfile, with where and how to fix it. */
export const Violation = z.object({
  rule: z.string(),
  severity: RuleSeverity,
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  fix: z.string().optional(),
});
export type Violation = z.infer<typeof Violation>;

/** A validator rule over a parsed document. */
export interface Rule<D = unknown, C = unknown> {
  id: string;
  appliesTo: string[] | 'Dockerfile';
  category: z.infer<typeof RuleCategory>;
  severity: z.infer<typeof RuleSeverity>;
  description: string;
  check(doc: D, ctx: C): Violation[];
}

const RuleDefinition = z.object({
  id: PluginId,
  appliesTo: z.union([z.literal('Dockerfile'), z.array(z.string().min(1)).min(1)]),
  category: RuleCategory,
  severity: RuleSeverity,
  description: z.string().min(1),
  check: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'must be a function'),
});

/**
 * Declares a validator rule, checking its definition.
 * @example
 * export const noLatestTag = defineRule({
 *   id: 'no-latest-tag', appliesTo: ['Deployment'], category: 'reliability', severity: 'WARNING',
 *   description: 'Images must be pinned to a version', check: (doc) => [],
 * });
 */
export function defineRule<D, C>(definition: Rule<D, C>): Rule<D, C> {
  parseDefinition('rule', RuleDefinition, definition);
  return definition;
}

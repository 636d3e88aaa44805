import type { z } from 'zod';

/**
 * A cross-field check of an entity: a predicate over the parsed value, the message a caller sees when it fails
 * and the field the message is attached to. Rules are written once and applied to both `X` and `NewX`.
 */
export interface ModelRule<T> {
  check: (value: T) => boolean;
  message: string;
  path: string[];
}

/**
 * Adds each rule to `schema` as a refinement. Use it when an entity and its input schema share invariants
 * (counts that add up, an end after a start), so both reject the same bad data with the same message.
 */
export function withRules<S extends z.ZodType>(schema: S, rules: readonly ModelRule<z.output<S>>[]): S {
  return rules.reduce((s, rule) => s.refine(rule.check, { message: rule.message, path: rule.path }), schema);
}

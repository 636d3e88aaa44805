import { ConflictError } from '../../errors/index.js';
import type { GeneratedConfig } from './generatedConfig.js';
import type { GeneratedConfigState } from './generatedConfigState.js';

/**
 * The legal moves of a generated configuration. Seed 000 gives three paths:
 *
 * 1. GENERATED → VALIDATION → NEEDS_REVIEW → APPROVED → APPLIED
 * 2. GENERATED → VALIDATION → INVALID → REJECTED
 * 3. GENERATED → VALIDATION → NEEDS_CHANGES → REVISED → REVIEW_AGAIN
 *
 * Added to them, and only these: a review (NEEDS_REVIEW or REVIEW_AGAIN) may end in any review outcome of
 * {@link ReviewStatus} — APPROVED, REJECTED or NEEDS_CHANGES. A revised configuration is not validated again
 * (the seed has no REVISED → VALIDATION move); it goes straight back to review.
 *
 * | from          | to                                   |
 * |---------------|--------------------------------------|
 * | GENERATED     | VALIDATION                           |
 * | VALIDATION    | NEEDS_REVIEW, INVALID, NEEDS_CHANGES |
 * | NEEDS_REVIEW  | APPROVED, REJECTED, NEEDS_CHANGES    |
 * | APPROVED      | APPLIED                              |
 * | INVALID       | REJECTED                             |
 * | NEEDS_CHANGES | REVISED                              |
 * | REVISED       | REVIEW_AGAIN                         |
 * | REVIEW_AGAIN  | APPROVED, REJECTED, NEEDS_CHANGES    |
 * | APPLIED       | — (terminal)                         |
 * | REJECTED      | — (terminal)                         |
 *
 * Frozen: read it to draw the workflow or offer the next actions; change state only with
 * {@link transitionGeneratedConfig}.
 */
export const GENERATED_CONFIG_TRANSITIONS: Readonly<Record<GeneratedConfigState, readonly GeneratedConfigState[]>> =
  Object.freeze({
    GENERATED: Object.freeze(['VALIDATION'] as const),
    VALIDATION: Object.freeze(['NEEDS_REVIEW', 'INVALID', 'NEEDS_CHANGES'] as const),
    NEEDS_REVIEW: Object.freeze(['APPROVED', 'REJECTED', 'NEEDS_CHANGES'] as const),
    APPROVED: Object.freeze(['APPLIED'] as const),
    APPLIED: Object.freeze([] as const),
    INVALID: Object.freeze(['REJECTED'] as const),
    REJECTED: Object.freeze([] as const),
    NEEDS_CHANGES: Object.freeze(['REVISED'] as const),
    REVISED: Object.freeze(['REVIEW_AGAIN'] as const),
    REVIEW_AGAIN: Object.freeze(['APPROVED', 'REJECTED', 'NEEDS_CHANGES'] as const),
  });

/** The states a configuration in `from` may move to, e.g. to offer a reviewer only the actions that are legal. */
export function nextStates(from: GeneratedConfigState): readonly GeneratedConfigState[] {
  return GENERATED_CONFIG_TRANSITIONS[from];
}

/** True when `from → to` is a legal move; use it to check before acting, {@link transitionGeneratedConfig} to act. */
export function canTransition(from: GeneratedConfigState, to: GeneratedConfigState): boolean {
  return GENERATED_CONFIG_TRANSITIONS[from].includes(to);
}

/** True for states with no way out (APPLIED, REJECTED): such a configuration is history, not work. */
export function isTerminal(state: GeneratedConfigState): boolean {
  return GENERATED_CONFIG_TRANSITIONS[state].length === 0;
}

/**
 * Moves a configuration to `to` and returns the updated copy (new `state`, `updated_at` = `now`); the input is not
 * changed. The store calls it inside its update, so an illegal move never reaches the database.
 * @throws ConflictError when the move is illegal; its hint names the allowed next states and its details carry
 *   `{ from, to, allowed }`.
 */
export function transitionGeneratedConfig(
  config: GeneratedConfig,
  to: GeneratedConfigState,
  now: Date = new Date(),
): GeneratedConfig {
  if (!canTransition(config.state, to)) {
    const allowed = nextStates(config.state);
    throw new ConflictError(`generated configuration ${config.id} cannot move from ${config.state} to ${to}`, {
      hint: allowed.length
        ? `from ${config.state} it may move to ${allowed.join(', ')}`
        : `${config.state} is final; generate a new configuration instead`,
      details: { from: config.state, to, allowed: [...allowed] },
    });
  }
  return { ...config, state: to, updated_at: now.toISOString() };
}

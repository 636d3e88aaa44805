import { ConflictError } from '../../errors/index.js';
import type { GeneratedConfig } from './generatedConfig.js';
import type { GeneratedConfigState } from './generatedConfigState.js';

/**
 * The legal moves of a generated configuration. Seed 000 gives three paths:
 * GENERATED → VALIDATION → NEEDS_REVIEW → APPROVED → APPLIED;
 * GENERATED → VALIDATION → INVALID → REJECTED;
 * GENERATED → VALIDATION → NEEDS_CHANGES → REVISED → REVIEW_AGAIN.
 * A review (NEEDS_REVIEW or REVIEW_AGAIN) may end in any review outcome: APPROVED, REJECTED or NEEDS_CHANGES.
 * APPLIED and REJECTED are terminal.
 */
export const GENERATED_CONFIG_TRANSITIONS: Readonly<Record<GeneratedConfigState, readonly GeneratedConfigState[]>> = {
  GENERATED: ['VALIDATION'],
  VALIDATION: ['NEEDS_REVIEW', 'INVALID', 'NEEDS_CHANGES'],
  NEEDS_REVIEW: ['APPROVED', 'REJECTED', 'NEEDS_CHANGES'],
  APPROVED: ['APPLIED'],
  APPLIED: [],
  INVALID: ['REJECTED'],
  REJECTED: [],
  NEEDS_CHANGES: ['REVISED'],
  REVISED: ['REVIEW_AGAIN'],
  REVIEW_AGAIN: ['APPROVED', 'REJECTED', 'NEEDS_CHANGES'],
};

/** The states a configuration in `from` may move to. */
export function nextStates(from: GeneratedConfigState): readonly GeneratedConfigState[] {
  return GENERATED_CONFIG_TRANSITIONS[from];
}

/** True when `from → to` is a legal move. */
export function canTransition(from: GeneratedConfigState, to: GeneratedConfigState): boolean {
  return GENERATED_CONFIG_TRANSITIONS[from].includes(to);
}

/** True for states with no way out (APPLIED, REJECTED). */
export function isTerminal(state: GeneratedConfigState): boolean {
  return GENERATED_CONFIG_TRANSITIONS[state].length === 0;
}

/**
 * Moves a configuration to `to`, returning the updated copy; the input is not changed.
 * @throws ConflictError when the move is illegal, naming the allowed next states.
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
      details: { from: config.state, to, allowed },
    });
  }
  return { ...config, state: to, updated_at: now.toISOString() };
}

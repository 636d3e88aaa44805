import { NotAllowedError, type OpspilotErrorOptions } from './opspilotError.js';

/** A pod an eviction was refused for, and the budget that refused it (when the server named one). */
export interface BlockedEviction {
  pod: { name: string; namespace?: string };
  /** The PodDisruptionBudget's name; missing when the server did not name it. */
  budget?: string;
  /** The server's explanation, e.g. `The disruption budget api needs 2 healthy pods and has 2 currently`. */
  reason?: string;
}

/** Options of a {@link DisruptionBudgetError}. */
export interface DisruptionBudgetErrorOptions extends OpspilotErrorOptions {
  /** Every eviction a budget refused (one for a single eviction, all that were left for a drain). */
  blocked: BlockedEviction[];
}

/**
 * A PodDisruptionBudget refused an eviction (the API server's `429 TooManyRequests` with a `DisruptionBudget`
 * cause): evicting the pod now would leave fewer healthy pods than the budget requires. The refusal is a policy
 * decision, so it is a {@link NotAllowedError}; it is also temporary — the same eviction may pass once the budget's
 * pods are Ready elsewhere, which is why a drain retries it until its deadline.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
 */
export class DisruptionBudgetError extends NotAllowedError {
  readonly blocked: BlockedEviction[];

  constructor(message: string, options: DisruptionBudgetErrorOptions) {
    super(message, {
      ...options,
      details: { ...options.details, reason: 'DisruptionBudget', blocked: options.blocked },
    });
    this.blocked = options.blocked;
  }

  /** The distinct names of the budgets that refused, in order of first refusal. */
  get budgets(): string[] {
    return [...new Set(this.blocked.flatMap((b) => (b.budget ? [b.budget] : [])))];
  }
}

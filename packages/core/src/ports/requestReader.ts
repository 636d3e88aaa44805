import type { PlanOutcome } from './plan.js';

/**
 * A module's reader of the plain-English questions it answers itself rather than as a cluster operation (cost:
 * "how much does namespace todo cost per month"). The planner asks the registered readers before reading a request as
 * an operation; a reader recognises the words only (synchronously, no I/O) and returns the outcome the caller answers
 * — e.g. `{ kind: 'cost', question }` — or undefined to let the planner carry on. It lets the planner reach a module
 * that itself depends on the planner (cost → ops → ai) without an import cycle: the composition root registers it.
 * @example
 * registerRequestReader({ id: 'cost', read: (text) => costOutcome(text) });
 */
export interface RequestReader {
  /** Unique id, e.g. `cost`. */
  id: string;
  read(text: string): PlanOutcome | undefined;
}

import { createRegistry, type PlanOutcome, type RequestReader } from '@opspilot/core';

const readers = createRegistry<RequestReader>('request reader');

/**
 * Registers a module's {@link RequestReader} with the planner (once per process, by the composition root: the CLI
 * and the server register the cost optimizer's). Throws ConflictError on a second reader with the same id.
 * @example
 * registerRequestReader(costRequestReader);
 */
export function registerRequestReader(reader: RequestReader): void {
  readers.register(reader);
}

/** Whether a reader with this id is registered (so a composition root built twice registers once). */
export function hasRequestReader(id: string): boolean {
  return readers.has(id);
}

/** The first registered reader's outcome for `text`, or undefined when no module answers it. */
export function readRequest(text: string): PlanOutcome | undefined {
  for (const reader of readers.list()) {
    const outcome = reader.read(text);
    if (outcome) return outcome;
  }
  return undefined;
}

/**
 * Whether `end` is not before `start`. When either is missing there is nothing to compare yet (a run that has
 * not finished, a record the store has not stamped), so the check holds. Used by entity refinements.
 */
export function notBefore(start: string | undefined, end: string | undefined): boolean {
  return start === undefined || end === undefined || Date.parse(end) >= Date.parse(start);
}

/** Whether `end` is strictly after `start`: cost periods and utilisation windows must not be empty. */
export function strictlyAfter(start: string, end: string): boolean {
  return Date.parse(end) > Date.parse(start);
}

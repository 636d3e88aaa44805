import type { FieldComparison } from './compareFields.js';
import { formatPath, tokensOf } from './fieldPath.js';
import { describeManager, type FieldManager } from './managedFields.js';

/**
 * A field an apply would change that another manager owns, as the API server reports it in a 409's
 * `details.causes` (`type: FieldManagerConflict`).
 */
export interface FieldConflict {
  /** The other manager's name, e.g. `kubectl-client-side-apply`. */
  manager: string;
  /** The field, e.g. `.spec.replicas`. */
  field: string;
  /** The cause message, e.g. `conflict with "kubectl" with subresource "scale" using apps/v1`. */
  message: string;
}

/**
 * The conflicts of an apply: every field another manager owns that the apply adds or changes. Sorted by manager
 * and field so messages are stable.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
 */
export function findConflicts(others: readonly FieldManager[], comparison: FieldComparison): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const other of others) {
    for (const key of other.fields) {
      if (!comparison.modified.has(key) && !comparison.added.has(key)) continue;
      conflicts.push({
        manager: other.manager,
        field: formatPath(tokensOf(key)),
        message: `conflict with ${describeManager(other)}`,
      });
    }
  }
  return conflicts.sort((a, b) => (a.message + a.field < b.message + b.field ? -1 : 1));
}

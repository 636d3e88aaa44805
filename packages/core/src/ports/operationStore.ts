import type { Operation, OperationState } from '../models/ops/operation.js';
import type { Paginated, PaginationParams } from '../models/pagination.js';

/** Filters of {@link OperationStore.list}; missing means any. */
export interface OperationFilter {
  state?: OperationState;
  proposed_by?: string;
  cluster_id?: string;
}

/**
 * Where `@opspilot/ops` keeps operations between proposal, approval and application (the CLI applies at once; the
 * server across requests). Implemented over SQLite/PostgreSQL by `@opspilot/store` and in memory for tests. An
 * implementation must not keep a plan's Secret values in clear (`planSecretValues`): the store keeps the
 * operation redacted and the plan sealed, and `get` gives the plan back whole for applying.
 */
export interface OperationStore {
  create(operation: Operation): Promise<Operation>;
  /** Undefined when there is no such operation. */
  get(id: string): Promise<Operation | undefined>;
  /**
   * Replaces an operation if it is still in `expected` state; a ConflictError otherwise (two approvers, or an
   * approval racing a rejection, cannot both win).
   */
  update(operation: Operation, expected: OperationState): Promise<Operation>;
  /** Newest first. */
  list(filter: OperationFilter, page?: Partial<PaginationParams>): Promise<Paginated<Operation>>;
}

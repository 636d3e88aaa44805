import type { Operation, OperationState } from '../models/ops/operation.js';
import type { Paginated, PaginationParams } from '../models/pagination.js';

/** Filters of {@link OperationStore.list}; missing means any. */
export interface OperationFilter {
  state?: OperationState;
  proposed_by?: string;
  cluster_id?: string;
}

/**
 * The claim of one process on an APPLYING operation: who applies it (`owner`, e.g. `server:host:pid:uuid`) and until
 * when the claim holds unless renewed (ISO 8601). A lease that expired means its owner died or lost the store: the
 * operation is then reconciled against the cluster by whoever takes the lease next.
 */
export interface OperationLease {
  owner: string;
  expires_at: string;
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
  update(operation: Operation, expected: OperationState, lease?: OperationLease): Promise<Operation>;
  /**
   * Takes or renews the lease of an APPLYING operation, atomically: true when the operation is APPLYING and its
   * lease is `lease.owner`'s or expired at `now` (or missing); false otherwise (someone else holds it, or it is done).
   * `update` to `APPLYING` with a lease sets it in the same step; leaving `APPLYING` drops it.
   */
  acquireLease(id: string, lease: OperationLease, now: string): Promise<boolean>;
  /** APPLYING operations whose lease expired at `now` (or that have none), oldest first. */
  listExpiredLeases(now: string): Promise<Operation[]>;
  /** Newest first. */
  list(filter: OperationFilter, page?: Partial<PaginationParams>): Promise<Paginated<Operation>>;
}

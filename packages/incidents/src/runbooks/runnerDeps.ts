import type {
  AuditLog,
  Clock,
  NewRunbookExecution,
  Paginated,
  PaginationParams,
  RunbookExecution,
} from '@opspilot/core';
import type { OpsDeps } from '@opspilot/ops';
import type { Signal } from '../correlate/signal.js';
import type { RunbookAction } from './runbookAction.js';
import type { RunbookLibrary } from './runbookLibrary.js';

/** Where runbook executions are kept (`store.runbookExecutions` fits). */
export interface ExecutionRecords {
  create(input: NewRunbookExecution): Promise<RunbookExecution>;
  get(id: string): Promise<RunbookExecution>;
  update(id: string, patch: Partial<RunbookExecution>): Promise<RunbookExecution>;
  list(
    filter?: Record<string, string | undefined>,
    page?: Partial<PaginationParams>,
  ): Promise<Paginated<RunbookExecution>>;
}

/** What the runner needs: the library, the executions, the operation lifecycle's dependencies and the catalogue. */
export interface RunnerDeps {
  library: RunbookLibrary;
  executions: ExecutionRecords;
  /** The operation lifecycle's dependencies (its planner is replaced by the runbook's own plans). */
  ops: Omit<OpsDeps, 'planner'>;
  catalog: Map<string, RunbookAction>;
  audit: Pick<AuditLog, 'append'>;
  clock: Clock;
  /** Records progress on the incident's timeline. */
  timeline?(
    incidentId: string,
    entry: {
      action_type: string;
      actor: string;
      status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'PENDING';
      description: string;
      result: Record<string, unknown>;
    },
  ): Promise<unknown>;
  /** The signals of an incident (for `check:signals-clear`). */
  incidentSignals?(incidentId: string): Promise<Signal[]>;
}

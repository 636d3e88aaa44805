/** A runbook execution as the healing engine follows it. */
export interface RunbookRun {
  id: string;
  /** RUNNING, AWAITING_APPROVAL, SUCCEEDED, FAILED or CANCELLED (seed 004 runbook executions). */
  status: string;
  started_at?: string;
  finished_at?: string;
}

/**
 * How healing rules run incident runbooks (`@opspilot/incidents`' library and runner, wired by the server and the
 * CLI): the effects of a runbook's steps (a rule may run it automatically only when none is DESTRUCTIVE), starting it
 * for an object (and incident), approving the step it waits for, and reading how it stands.
 */
export interface RunbookPort {
  /** The effect of each action step (`READ`, `WRITE`, `DESTRUCTIVE`); throws NotFoundError for an unknown runbook. */
  effects(runbook: string): Promise<string[]>;
  start(request: {
    runbook: string;
    input: Record<string, string | number | boolean>;
    incident_id?: string;
    user: string;
  }): Promise<RunbookRun>;
  approve(executionId: string, user: string): Promise<RunbookRun>;
  get(executionId: string): Promise<RunbookRun>;
}

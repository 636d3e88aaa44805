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

type Input = Record<string, string | number | boolean>;

/**
 * The {@link RunbookPort} of an incident commander's runbook library and runner (`@opspilot/incidents`, read by
 * shape so that this package does not depend on it) and the store's executions.
 */
export function runbookPortOf(parts: {
  library: { load(nameOrId: string): Promise<{ runbook: { steps: { effect: string }[] } }> };
  runner: {
    start(request: { runbook: string; input?: Input; incident_id?: string; user: string }): Promise<RunbookRun>;
    approve(id: string, approval: { user: string }): Promise<RunbookRun>;
  };
  executions: { get(id: string): Promise<RunbookRun> };
}): RunbookPort {
  return {
    effects: async (name) => (await parts.library.load(name)).runbook.steps.map((s) => s.effect),
    start: (request) => parts.runner.start(request),
    approve: (id, user) => parts.runner.approve(id, { user }),
    get: (id) => parts.executions.get(id),
  };
}

import { renderPlanCommands } from '@opspilot/ai';
import {
  ConflictError,
  InputError,
  type Operation,
  type PaginationParams,
  type PlanStep,
  type RunbookExecution,
  type RunbookStepResult,
} from '@opspilot/core';
import { createOperations } from '@opspilot/ops';
import { runRead } from './readStep.js';
import type { RunbookActionContext } from './runbookAction.js';
import type { RunbookDocStep } from './runbookDocument.js';
import type { LoadedRunbook } from './runbookLibrary.js';
import type { RunnerDeps } from './runnerDeps.js';
import { templateInput } from './templateInput.js';

export type { ExecutionRecords, RunnerDeps } from './runnerDeps.js';

const OPERATION = /^operation ([0-9a-f-]{36})/;
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * Runs runbooks step by step, every change through the operation lifecycle: a diagnostic reads and records what it
 * saw; a wait waits on the clock; a check polls until its state holds or fails the run at its timeout; an action
 * becomes a plan (dry-run and diff) that waits in review until approved by policy (the execution is then
 * AWAITING_APPROVAL), is applied and verified by `@opspilot/ops`, and audited. A failed check or action stops the run
 * and rolls back, newest first, the applied steps that declare a rollback. Progress is written to the execution after
 * every step, so a run interrupted by a restart is resumed by {@link recover}: an action whose operation was applied
 * counts as done, one still applying is reconciled by the lifecycle's own recovery, reads are run again.
 */
export function createRunbookRunner(deps: RunnerDeps) {
  const now = () => deps.clock.now().toISOString();
  const opsFor = (steps?: PlanStep[], request?: string) =>
    createOperations({
      ...deps.ops,
      planner: async () => {
        if (!steps || !request) throw new Error('the runbook runner proposes only its own plans');
        return {
          kind: 'plan',
          notices: [],
          plan: {
            request,
            summary: request,
            steps,
            risk: 'write',
            riskReasons: [],
            assumptions: [],
            rendered: renderPlanCommands(steps),
            planner: 'runbook',
          },
        };
      },
    });
  const lifecycle = opsFor();

  const contextFor = (execution: RunbookExecution, signal: AbortSignal): RunbookActionContext => ({
    gateway: deps.ops.gateway,
    clock: deps.clock,
    signal,
    incidentSignals:
      execution.incident_id && deps.incidentSignals ? () => deps.incidentSignals!(execution.incident_id!) : undefined,
    operation: async (id) => {
      const found = await deps.ops.operations.get(id);
      return found ? { plan: found.plan, details: found.details } : undefined;
    },
  });

  const note = async (
    execution: RunbookExecution,
    description: string,
    status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'PENDING',
    result: Record<string, unknown> = {},
  ) => {
    if (!execution.incident_id || !deps.timeline) return;
    await deps.timeline(execution.incident_id, {
      action_type: 'runbook',
      actor: execution.triggered_by,
      status,
      description,
      result: { execution_id: execution.id, ...result },
    });
  };

  const setStep = async (
    execution: RunbookExecution,
    stepId: string,
    patch: Partial<RunbookStepResult>,
    run: Partial<RunbookExecution> = {},
  ) =>
    deps.executions.update(execution.id, {
      ...run,
      step_results: execution.step_results.map((r) => (r.step_id === stepId ? { ...r, ...patch } : r)),
    });

  async function finish(execution: RunbookExecution, status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED', why: string) {
    const done = await deps.executions.update(execution.id, { status, finished_at: now() });
    await deps.audit.append({
      action: `runbook.${status.toLowerCase()}`,
      user_id: execution.triggered_by,
      status: status === 'SUCCEEDED' ? 'SUCCESS' : 'ERROR',
      target: `runbook-execution/${execution.id}`,
      details: { execution_id: execution.id, runbook_id: execution.runbook_id, why },
    });
    await note(done, `runbook ${status.toLowerCase()}: ${why}`, status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED');
    return done;
  }

  /** Rolls back, newest first, the applied action steps that declare a rollback (approved as their step was). */
  async function rollBack(
    execution: RunbookExecution,
    loaded: LoadedRunbook,
    values: Record<string, string | number | boolean>,
  ) {
    const applied = execution.step_results.filter((r) => r.status === 'SUCCEEDED').reverse();
    for (const result of applied) {
      const step = loaded.document.steps.find((s) => s.id === result.step_id);
      if (step?.type !== 'action' || !step.rollback) continue;
      const action = deps.catalog.get(step.rollback.action);
      if (action?.type !== 'action') continue;
      const ctx = contextFor(execution, new AbortController().signal);
      const proposal = await action.propose(ctx, action.params.parse(templateInput(step.rollback.with, values)));
      const approver = (await operationOf(result))?.approved_by ?? execution.triggered_by;
      const ops = opsFor(proposal.steps, `runbook ${loaded.runbook.name} rollback of ${step.id}: ${proposal.summary}`);
      const proposed = await ops.propose(`runbook ${loaded.runbook.name} rollback of ${step.id}: ${proposal.summary}`, {
        user: execution.triggered_by,
      });
      if (proposed.kind !== 'operation') continue;
      let op = proposed.operation;
      if (op.state === 'NEEDS_REVIEW') op = await ops.approve(op.id, { user: approver });
      if (op.state === 'APPROVED') op = await ops.apply(op.id, { user: approver });
      await note(
        execution,
        `rolled back ${step.id}: ${proposal.summary} (${op.state})`,
        op.state === 'APPLIED' ? 'SUCCEEDED' : 'FAILED',
        { operation_id: op.id },
      );
    }
  }

  const operationOf = async (result: RunbookStepResult): Promise<Operation | undefined> => {
    const id = OPERATION.exec(result.output)?.[1];
    return id ? ((await deps.ops.operations.get(id)) ?? undefined) : undefined;
  };

  /** Runs one read (diagnostic or check) once. */
  async function read(
    execution: RunbookExecution,
    step: Extract<RunbookDocStep, { type: 'diagnostic' | 'check' }>,
    values: Record<string, string | number | boolean>,
  ) {
    const action = deps.catalog.get(step.action);
    if (!action || action.type === 'action') return { ok: false, output: `unknown read ${step.action}` };
    try {
      return await action.run(
        contextFor(execution, new AbortController().signal),
        action.params.parse(templateInput(step.with, values)),
      );
    } catch (error) {
      return { ok: false, output: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Carries the run forward until it finishes or waits for an approval. */
  async function advance(id: string): Promise<RunbookExecution> {
    let execution = await deps.executions.get(id);
    if (FINISHED.has(execution.status)) return execution;
    const loaded = await deps.library.load(execution.runbook_id);
    const values = {
      ...(execution.input as Record<string, string | number | boolean>),
      incident_id: execution.incident_id ?? '',
    };
    for (const stepId of loaded.order) {
      const result = execution.step_results.find((r) => r.step_id === stepId);
      if (!result || result.status === 'SUCCEEDED' || result.status === 'SKIPPED') continue;
      const step = loaded.document.steps.find((s) => s.id === stepId) as RunbookDocStep;
      if (result.status === 'FAILED') break;
      execution = await setStep(
        execution,
        stepId,
        { status: 'RUNNING', started_at: result.started_at ?? now() },
        { status: 'RUNNING' },
      );
      if (step.type === 'wait') {
        await deps.clock.sleep(step.seconds * 1000);
        execution = await setStep(execution, stepId, {
          status: 'SUCCEEDED',
          output: `waited ${step.seconds}s`,
          finished_at: now(),
        });
        continue;
      }
      if (step.type === 'diagnostic' || step.type === 'check') {
        const outcome = await runRead(step, () => read(execution, step, values), deps.clock);
        execution = await setStep(execution, stepId, { ...outcome.patch, finished_at: now() });
        await note(execution, outcome.note, outcome.ok ? 'SUCCEEDED' : 'FAILED', { step_id: step.id });
        if (!outcome.ok && !step.continue_on_failure) return failRun(execution, loaded, values, outcome.why);
        continue;
      }
      // An action: propose its plan once, then follow its operation through review, apply and verify.
      let operation = await operationOf(result);
      if (!operation) {
        const action = deps.catalog.get(step.action);
        if (action?.type !== 'action') return failRun(execution, loaded, values, `unknown action ${step.action}`);
        let proposal: Awaited<ReturnType<typeof action.propose>>;
        try {
          proposal = await action.propose(
            contextFor(execution, new AbortController().signal),
            action.params.parse(templateInput(step.with, values)),
          );
        } catch (error) {
          execution = await setStep(execution, stepId, {
            status: 'FAILED',
            error: error instanceof Error ? error.message : String(error),
            finished_at: now(),
          });
          return failRun(execution, loaded, values, `action ${step.id} could not be planned`);
        }
        const request = `runbook ${loaded.runbook.name} step ${step.id}: ${proposal.summary}`;
        const proposed = await opsFor(proposal.steps, request).propose(request, { user: execution.triggered_by });
        if (proposed.kind !== 'operation')
          return failRun(execution, loaded, values, `action ${step.id} was not planned`);
        operation = proposed.operation;
        execution = await setStep(execution, stepId, {
          output: `operation ${operation.id}\n${proposal.summary}\n${operation.diff}`.slice(0, 20_000),
        });
        await note(execution, `${step.id}: proposed "${proposal.summary}" (${operation.state})`, 'PENDING', {
          step_id: step.id,
          operation_id: operation.id,
        });
      }
      if (operation.state === 'APPLYING') {
        await lifecycle.recover({ user: 'system' });
        operation = (await deps.ops.operations.get(operation.id)) ?? operation;
        if (operation.state === 'APPLYING') return execution; // Still held by a live applier's lease: the next recover goes on.
      }
      if (
        operation.state === 'NEEDS_REVIEW' &&
        loaded.document.auto_execute &&
        !loaded.document.requires_approval &&
        operation.risk === 'write'
      ) {
        operation = await lifecycle.approve(operation.id, { user: 'system:runbook' });
      }
      if (operation.state === 'NEEDS_REVIEW') {
        return deps.executions.update(execution.id, { status: 'AWAITING_APPROVAL' });
      }
      if (operation.state === 'APPROVED')
        operation = await lifecycle.apply(operation.id, { user: operation.approved_by ?? execution.triggered_by });
      if (operation.state === 'APPLIED') {
        execution = await setStep(execution, stepId, { status: 'SUCCEEDED', finished_at: now() });
        await note(execution, `${step.id}: applied (operation ${operation.id})`, 'SUCCEEDED', {
          step_id: step.id,
          operation_id: operation.id,
        });
        continue;
      }
      execution = await setStep(execution, stepId, {
        status: 'FAILED',
        error: `operation ${operation.id} ${operation.state}: ${operation.result}`.slice(0, 2000),
        finished_at: now(),
      });
      if (operation.state === 'REJECTED') return finish(execution, 'CANCELLED', `step ${step.id} was rejected`);
      return failRun(execution, loaded, values, `action ${step.id} ${operation.state.toLowerCase()}`);
    }
    const failed = execution.step_results.find((r) => r.status === 'FAILED');
    if (failed) return finish(execution, 'FAILED', `step ${failed.step_id} failed`);
    return finish(execution, 'SUCCEEDED', `${loaded.runbook.name}: every step done`);
  }

  async function failRun(
    execution: RunbookExecution,
    loaded: LoadedRunbook,
    values: Record<string, string | number | boolean>,
    why: string,
  ) {
    const rest = new Set(
      loaded.order.slice(
        loaded.order.findIndex((id) => execution.step_results.find((r) => r.step_id === id)?.status === 'FAILED') + 1,
      ),
    );
    const skipped = await deps.executions.update(execution.id, {
      step_results: execution.step_results.map((r) =>
        rest.has(r.step_id) && r.status === 'PENDING' ? { ...r, status: 'SKIPPED' } : r,
      ),
    });
    await rollBack(skipped, loaded, values);
    return finish(skipped, 'FAILED', why);
  }

  return {
    /**
     * Starts a runbook by name or id with its parameters (defaults filled in; InputError naming a missing one), for an
     * incident or by hand; returns the execution as far as it got (finished, or AWAITING_APPROVAL).
     */
    async start(request: {
      runbook: string;
      input?: Record<string, string | number | boolean>;
      incident_id?: string;
      user: string;
    }) {
      const loaded = await deps.library.load(request.runbook);
      const input: Record<string, string | number | boolean> = {};
      const missing: string[] = [];
      for (const [name, param] of Object.entries(loaded.document.parameters)) {
        const value = request.input?.[name] ?? param.default;
        if (value === undefined || value === '') {
          if (param.required) missing.push(name);
        } else input[name] = value;
      }
      if (missing.length) {
        throw new InputError(`runbook ${loaded.runbook.name} needs ${missing.join(', ')}`, {
          hint: `give ${missing.map((m) => `${m}=…`).join(' ')} (parameters: ${Object.keys(loaded.document.parameters).join(', ')})`,
        });
      }
      const execution = await deps.executions.create({
        runbook_id: loaded.runbook.id,
        incident_id: request.incident_id,
        ...(deps.ops.clusterId ? { cluster_id: deps.ops.clusterId } : {}),
        status: 'RUNNING',
        triggered_by: request.user,
        step_results: loaded.order.map((step_id) => ({ step_id, status: 'PENDING', output: '' })),
        input,
        runbook_version: loaded.version,
        started_at: now(),
      });
      await deps.audit.append({
        action: 'runbook.started',
        user_id: request.user,
        target: `runbook-execution/${execution.id}`,
        details: {
          execution_id: execution.id,
          runbook: loaded.runbook.name,
          version: loaded.version,
          input,
          incident_id: request.incident_id ?? null,
        },
      });
      await note(execution, `runbook ${loaded.runbook.name} v${loaded.version} started`, 'RUNNING', {
        runbook: loaded.runbook.name,
      });
      return advance(execution.id);
    },

    /** Approves the operation the execution waits for (policy of `@opspilot/ops` applies) and carries on. */
    async approve(id: string, approval: { user: string; confirmations?: string[] }) {
      const execution = await deps.executions.get(id);
      const waiting = execution.step_results.find((r) => r.status === 'RUNNING');
      const operation = waiting ? await operationOf(waiting) : undefined;
      if (execution.status !== 'AWAITING_APPROVAL' || !operation) {
        throw new ConflictError(`runbook execution ${id} is ${execution.status}, not waiting for an approval`, {
          hint: 'only an execution AWAITING_APPROVAL can be approved',
        });
      }
      await lifecycle.approve(operation.id, approval);
      await deps.executions.update(id, { status: 'RUNNING' });
      return advance(id);
    },

    /** Rejects the operation the execution waits for; the execution is CANCELLED (nothing more runs). */
    async reject(id: string, ctx: { user: string; reason?: string }) {
      const execution = await deps.executions.get(id);
      const waiting = execution.step_results.find((r) => r.status === 'RUNNING');
      const operation = waiting ? await operationOf(waiting) : undefined;
      if (execution.status !== 'AWAITING_APPROVAL' || !operation || !waiting) {
        throw new ConflictError(`runbook execution ${id} is ${execution.status}, not waiting for an approval`, {
          hint: 'only an execution AWAITING_APPROVAL can be rejected',
        });
      }
      await lifecycle.reject(operation.id, ctx);
      const updated = await setStep(execution, waiting.step_id, {
        status: 'FAILED',
        error: `rejected by ${ctx.user}`,
        finished_at: now(),
      });
      return finish(
        updated,
        'CANCELLED',
        `step ${waiting.step_id} rejected by ${ctx.user}${ctx.reason ? `: ${ctx.reason}` : ''}`,
      );
    },

    advance,
    get: (id: string) => deps.executions.get(id),
    list: (filter: { incident_id?: string; runbook_id?: string } = {}, page?: Partial<PaginationParams>) =>
      deps.executions.list(filter, page),

    /**
     * Resumes the executions a restart interrupted (status RUNNING): applied actions count as done, applying ones are
     * reconciled by the lifecycle, reads run again. An execution whose runbook no longer loads is FAILED, not left.
     * Only this runner's cluster's executions (those naming no cluster too) unless `ids` names them.
     */
    async recover(ids?: string[]): Promise<RunbookExecution[]> {
      const out: RunbookExecution[] = [];
      const running = await deps.executions.list({ status: 'RUNNING' }, { page_size: 100 });
      const mine = running.items.filter((e) =>
        ids ? ids.includes(e.id) : !e.cluster_id || !deps.ops.clusterId || e.cluster_id === deps.ops.clusterId,
      );
      for (const execution of mine) {
        try {
          out.push(await advance(execution.id));
        } catch (error) {
          out.push(
            await finish(
              execution,
              'FAILED',
              `could not resume: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }
      }
      return out;
    },

    /**
     * Ends an execution a restart interrupted that cannot be resumed (its cluster is gone or unknown): the step it
     * was in FAILED as interrupted, the rest SKIPPED, the run FAILED saying why — never left RUNNING, never silent.
     */
    async interrupt(id: string, why: string): Promise<RunbookExecution> {
      const execution = await deps.executions.get(id);
      if (FINISHED.has(execution.status)) return execution;
      const at = now();
      const step_results = execution.step_results.map((r) =>
        r.status === 'RUNNING'
          ? { ...r, status: 'FAILED' as const, error: `interrupted by a restart: ${why}`, finished_at: at }
          : r.status === 'PENDING'
            ? { ...r, status: 'SKIPPED' as const }
            : r,
      );
      const updated = await deps.executions.update(id, { step_results });
      return finish(
        updated,
        'FAILED',
        `interrupted by a restart: ${why}; check the cluster by hand before running it again`,
      );
    },
  };
}

/** The runner built by {@link createRunbookRunner}. */
export type RunbookRunner = ReturnType<typeof createRunbookRunner>;

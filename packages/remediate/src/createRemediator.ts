import {
  type Finding,
  formatRef,
  type HealingAction,
  type Operation,
  type PlanOutcome,
  type PlanStep,
} from '@opspilot/core';
import { createOperations, type OpsDeps, undoApplied } from '@opspilot/ops';
import { applyRollback, type RollbackResult } from './applyRollback.js';
import { candidatePlan } from './candidatePlan.js';
import { brokenPreconditions } from './checkPreconditions.js';
import { learnedRates } from './healing/healingStats.js';
import { type FixProposal, proposeFixes, type SuccessRates } from './proposeFixes.js';
import type { Remediation, RemediationCandidate } from './remediation.js';
import { verifyGrant } from './verifyGrant.js';
import { DEFAULT_RECOVERY_TIMING, type Recovery, type RecoveryTiming, verifyRecovery } from './verifyRecovery.js';

/** What the remediator runs on: the lifecycle's own dependencies (its planner is the candidate's plan). */
export interface RemediatorDeps extends Omit<OpsDeps, 'planner'> {
  catalogue?: readonly Remediation[];
  /** How the fix's health is judged after apply (clock time). */
  recovery?: Partial<RecoveryTiming>;
  /**
   * The healing history the ranking learns from (`store.healingActions`): each remediation's success rate on findings
   * of the same class weighs its candidates once it has three runs.
   */
  history?: () => Promise<HealingAction[]>;
}

/** How carrying out a candidate ended. */
export type RemediationOutcomeStatus = 'VERIFIED' | 'ROLLED_BACK' | 'FAILED' | 'ABANDONED';

/** The outcome of {@link Remediator.execute}: the operation, the recovery check and any rollback. */
export interface RemediationOutcome {
  status: RemediationOutcomeStatus;
  message: string;
  operation?: Operation;
  recovery?: Recovery;
  /** The rollback run after a failed verification. */
  rollback?: RollbackResult;
}

/** What settling an applied fix needs of its candidate: what proves it, what it grants and how it is undone. */
export type SettleSubject = Pick<
  RemediationCandidate,
  'subject' | 'grants' | 'rollback' | 'remediation' | 'finding_id' | 'summary'
>;

/** The proposal of one candidate: its operation waiting for review (with its dry-run diff), or why it was abandoned. */
export type CandidateProposal =
  | { kind: 'operation'; operation: Operation; auditId: string }
  | { kind: 'abandoned'; reasons: string[] };

/**
 * Remediation through the operation lifecycle: `diagnose` asks the catalogue for ranked candidates of a finding;
 * `propose` turns one into an operation (server-side dry-run and diff, NEEDS_REVIEW); `execute` approves it when an
 * approver (a person, or a healing rule's policy) is given, re-checks its preconditions (abandoned and audited when
 * the object changed), applies and verifies it through `@opspilot/ops`, then watches the subject recover — and rolls
 * the fix back, through the lifecycle again, when it does not.
 */
export function createRemediator(deps: RemediatorDeps) {
  const opsFor = (outcome?: PlanOutcome) =>
    createOperations({
      ...deps,
      planner: async () => {
        if (!outcome) throw new Error('no plan to propose');
        return outcome;
      },
    });
  const audit = (action: string, user: string, candidate: SettleSubject, details: Record<string, unknown>, ok = true) =>
    deps.audit.append({
      action,
      user_id: user,
      ai_tool: `remediate:${candidate.remediation}`,
      input_prompt: candidate.finding_id,
      output_generated: candidate.summary,
      status: ok ? 'SUCCESS' : 'ERROR',
      target: formatRef(candidate.subject),
      cluster_id: deps.clusterId,
      details: { remediation: candidate.remediation, finding_id: candidate.finding_id, ...details },
    });

  /**
   * The settle window of an applied fix, then its rollback when it does not hold: taken back through the lifecycle's
   * apply journal (the state each object had before its step), or by the candidate's own rollback steps where the
   * journal cannot undo it.
   */
  async function settle(
    operation: Operation,
    candidate: SettleSubject,
    ctx: { user: string; signal?: AbortSignal; recovery?: Partial<RecoveryTiming> },
  ): Promise<RemediationOutcome> {
    const operationId = operation.id;
    const timing: RecoveryTiming = {
      ...DEFAULT_RECOVERY_TIMING,
      ...deps.recovery,
      ...ctx.recovery,
      signal: ctx.signal,
    };
    const recovery = candidate.grants
      ? await verifyGrant(deps.gateway, deps.clock, candidate.grants, timing)
      : await verifyRecovery(deps.gateway, deps.clock, candidate.subject, timing);
    if (recovery.ok) {
      await audit('remediation.verified', ctx.user, candidate, { operation_id: operationId, recovery });
      return { status: 'VERIFIED', message: recovery.message, operation, recovery };
    }
    const rollback = await rollBack(operation, candidate.rollback);
    await audit(
      'remediation.rolled_back',
      ctx.user,
      candidate,
      { operation_id: operationId, recovery, rollback },
      false,
    );
    return {
      status: 'ROLLED_BACK',
      message: `verification failed (${recovery.message}); ${
        rollback.ok
          ? `rolled back (${rollback.steps.map((x) => x.description).join('; ')})`
          : `roll back incomplete: ${rollback.steps
              .filter((x) => !x.ok)
              .map((x) => x.message)
              .join('; ')}`
      }`,
      operation,
      recovery,
      rollback,
    };
  }

  /** Undoes an applied fix from its apply journal; by the candidate's rollback steps where the journal cannot. */
  async function rollBack(operation: Operation, fallback: PlanStep[]): Promise<RollbackResult> {
    const raw = (await deps.operations.get(operation.id)) ?? operation;
    const undone = await undoApplied(deps.gateway, raw);
    if (undone.ok || fallback.length === 0) return { ...undone, via: 'lifecycle' };
    const own = await applyRollback(deps.gateway, fallback);
    return { ok: own.ok, via: 'candidate', steps: [...undone.steps.filter((x) => x.ok), ...own.steps] };
  }

  return {
    /** Ranked candidates of a finding from the catalogue (`rates`: learned success rates that weigh the ranking). */
    async diagnose(
      finding: Finding,
      options: { rates?: SuccessRates; only?: string | readonly string[] } = {},
    ): Promise<FixProposal> {
      const rates = options.rates ?? (deps.history ? learnedRates(await deps.history(), finding.analyzer) : undefined);
      return proposeFixes(
        finding,
        { gateway: deps.gateway, now: deps.clock.now() },
        { ...options, ...(rates ? { rates } : {}), ...(deps.catalogue ? { catalogue: deps.catalogue } : {}) },
      );
    },

    /** Turns a candidate into an operation waiting for review (dry-run diff included); abandoned when stale. */
    async propose(
      candidate: RemediationCandidate,
      ctx: { user: string; request?: string },
    ): Promise<CandidateProposal> {
      const broken = await brokenPreconditions(deps.gateway, candidate.preconditions);
      if (broken.length > 0) {
        await audit('remediation.abandoned', ctx.user, candidate, { reasons: broken }, false);
        return { kind: 'abandoned', reasons: broken };
      }
      const namespaces = await deps.gateway.list('Namespace');
      const request = ctx.request ?? `fix ${candidate.finding_id}`;
      const plan = candidatePlan(candidate, request, namespaces);
      const result = await opsFor({ kind: 'plan', plan, notices: [] }).propose(request, { user: ctx.user });
      if (result.kind !== 'operation') throw new Error('a remediation plan always becomes an operation');
      return result;
    },

    /** The operation of a candidate (redacted), as the lifecycle holds it now. */
    operation(operationId: string): Promise<Operation> {
      return opsFor().get(operationId);
    },

    /** Closes a candidate's operation unapplied (a person declined it). */
    reject(operationId: string, ctx: { user: string; reason?: string }): Promise<Operation> {
      return opsFor().reject(operationId, ctx);
    },

    /**
     * Approves (when `approver` is given), applies, verifies and, if the subject does not recover, rolls back the
     * operation of a candidate. The preconditions are checked again right before apply.
     */
    async execute(
      operationId: string,
      candidate: RemediationCandidate,
      ctx: { user: string; approver?: string; signal?: AbortSignal; recovery?: Partial<RecoveryTiming> },
    ): Promise<RemediationOutcome> {
      const ops = opsFor();
      let operation = await ops.get(operationId);
      const broken = await brokenPreconditions(deps.gateway, candidate.preconditions);
      if (broken.length > 0) {
        if (operation.state === 'NEEDS_REVIEW' || operation.state === 'APPROVED') {
          operation = await ops.reject(operationId, { user: ctx.user, reason: `abandoned: ${broken.join('; ')}` });
        }
        await audit(
          'remediation.abandoned',
          ctx.user,
          candidate,
          { operation_id: operationId, reasons: broken },
          false,
        );
        return { status: 'ABANDONED', message: broken.join('; '), operation };
      }
      if (operation.state === 'NEEDS_REVIEW' && ctx.approver) {
        operation = await ops.approve(operationId, {
          user: ctx.approver,
          confirmations: operation.confirmations,
          allowSelfApproval: true,
        });
      }
      operation = await ops.apply(operationId, { user: ctx.approver ?? ctx.user, signal: ctx.signal });
      if (operation.state !== 'APPLIED') {
        await audit(
          'remediation.failed',
          ctx.user,
          candidate,
          { operation_id: operationId, result: operation.result },
          false,
        );
        return {
          status: 'FAILED',
          message: `the fix did not apply and was rolled back: ${operation.result}`,
          operation,
        };
      }
      return settle(operation, candidate, ctx);
    },

    /**
     * After a fix was applied (by `execute`, or by `ask "fix …"` through the lifecycle): waits for the subject to
     * recover and stay healthy for the settle window and reports VERIFIED — or rolls the fix back and reports
     * ROLLED_BACK. Audited as `remediation.verified` or `remediation.rolled_back`.
     */
    settle,
  };
}

/** The remediation service built by {@link createRemediator}. */
export type Remediator = ReturnType<typeof createRemediator>;

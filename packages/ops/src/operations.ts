import {
  ConflictError,
  NotFoundError,
  type Operation,
  type OperationFilter,
  type PlanOutcome,
  redactOperation,
  redactPlan,
} from '@opspilot/core';
import type { JournalEntry } from './applyJournal.js';
import { type Approval, checkApproval } from './approvalPolicy.js';
import { auditOperation } from './auditOperation.js';
import { checkRequest } from './checkRequest.js';
import { classifyRisk } from './classifyRisk.js';
import { dryRunPlan } from './dryRunPlan.js';
import { holdLease, leaseFrom } from './holdLease.js';
import type { OpsDeps } from './opsDeps.js';
import { reconcileOperation } from './reconcileOperation.js';
import { runPlan } from './runPlan.js';
import { scrubRequest } from './scrubRequest.js';

/** The answer to a request: an operation (proposed, or already carried out for reads), or the planner's question or refusal. */
export type ProposeResult =
  | { kind: 'operation'; operation: Operation; auditId: string }
  | Exclude<PlanOutcome, { kind: 'plan' }>;

/** Who acts, and where. */
export interface ActContext {
  user: string;
  namespace?: string;
  signal?: AbortSignal;
}

/**
 * The operation lifecycle: plan → validate → dry-run + diff → review → apply → verify → audit. A plan only ever
 * comes from the planner and is executed only by this code, after its risk was classified here and an approval
 * matching that risk was given. Reads run at once; writes wait in NEEDS_REVIEW. Every operation it returns, and
 * everything it audits or records, is redacted (`redactOperation`: Secret values shown as `<redacted>`); only
 * `apply` reads the stored plan with its real values.
 */
export function createOperations(deps: OpsDeps) {
  const now = () => deps.clock.now().toISOString();
  const owner = deps.leaseOwner ?? `opspilot:${crypto.randomUUID()}`;
  const leaseMs = deps.leaseMs ?? 30_000;
  const load = async (id: string) => {
    const found = await deps.operations.get(id);
    if (!found) throw new NotFoundError(`no operation ${id}`, { hint: 'list operations to find its id' });
    return found;
  };

  return {
    async propose(request: string, ctx: ActContext): Promise<ProposeResult> {
      const namespaces = await deps.gateway.list('Namespace');
      checkRequest(
        request,
        namespaces.map((n) => n.metadata.name),
        ctx.namespace,
      );
      const outcome = await deps.planner(request, { namespace: ctx.namespace });
      if (outcome.kind !== 'plan') return outcome;
      const plan = scrubRequest(outcome.plan);
      const shown = redactPlan(plan);
      const assessed = await classifyRisk(plan.steps, deps.gateway);
      const dried = assessed.risk === 'read' ? { problems: [], diff: '' } : await dryRunPlan(deps, plan.steps);
      const gated = assessed.risk === 'read' || !deps.planGate ? [] : await deps.planGate(plan);
      const dry = { ...dried, problems: [...dried.problems, ...gated] };
      const command = await deps.commands?.create({
        command_type: 'OPSPILOT',
        natural_language_input: shown.request,
        generated_output: JSON.stringify(shown),
        validation_status: dry.problems.length ? 'INVALID' : assessed.risk === 'read' ? 'VALID' : 'NEEDS_REVIEW',
        user_id: ctx.user,
        cluster_id: deps.clusterId,
      });
      let operation: Operation = {
        id: crypto.randomUUID(),
        ai_command_id: command?.id,
        cluster_id: deps.clusterId,
        request: plan.request,
        plan,
        risk: assessed.risk,
        risk_reasons: assessed.reasons,
        confirmations: assessed.confirmations,
        diff: dry.diff,
        state: dry.problems.length ? 'INVALID' : assessed.risk === 'read' ? 'APPROVED' : 'NEEDS_REVIEW',
        proposed_by: ctx.user,
        approved_by: assessed.risk === 'read' ? ctx.user : undefined,
        problems: dry.problems,
        steps: [],
        result: '',
        details: { planner_risk: plan.risk },
        created_at: now(),
        updated_at: now(),
      };
      operation = await deps.operations.create(operation);
      let auditId = await auditOperation(
        deps,
        operation,
        operation.state === 'INVALID' ? 'invalid' : 'proposed',
        ctx.user,
      );
      if (operation.state === 'APPROVED') {
        operation = await this.apply(operation.id, ctx);
        auditId = String(operation.details.audit_id ?? auditId);
      }
      return { kind: 'operation', operation: redactOperation(operation), auditId };
    },

    async approve(id: string, approval: Approval): Promise<Operation> {
      const operation = await load(id);
      if (operation.state !== 'NEEDS_REVIEW') {
        throw new ConflictError(`operation ${id} is ${operation.state}, not waiting for review`, {
          hint: 'only operations in NEEDS_REVIEW can be approved',
        });
      }
      checkApproval(operation, approval);
      const approved = await deps.operations.update(
        { ...operation, state: 'APPROVED', approved_by: approval.user, updated_at: now() },
        'NEEDS_REVIEW',
      );
      await auditOperation(deps, approved, 'approved', approval.user);
      return redactOperation(approved);
    },

    async reject(id: string, ctx: { user: string; reason?: string }): Promise<Operation> {
      const operation = await load(id);
      if (operation.state !== 'NEEDS_REVIEW' && operation.state !== 'APPROVED') {
        throw new ConflictError(`operation ${id} is ${operation.state} and can no longer be rejected`, {
          hint: 'only operations waiting for review or approved and not yet applied can be rejected',
        });
      }
      const rejected = await deps.operations.update(
        { ...operation, state: 'REJECTED', result: ctx.reason ?? '', updated_at: now() },
        operation.state,
      );
      await auditOperation(deps, rejected, 'rejected', ctx.user, { reason: ctx.reason ?? '' });
      return redactOperation(rejected);
    },

    /** Applies an APPROVED operation, verifies it, rolls back on failure, and records the outcome. */
    async apply(id: string, ctx: ActContext): Promise<Operation> {
      const operation = await load(id);
      if (operation.state !== 'APPROVED') {
        throw new ConflictError(`operation ${id} is ${operation.state}, not APPROVED`, {
          hint: operation.state === 'NEEDS_REVIEW' ? 'approve it first' : 'it cannot be applied again; propose it anew',
        });
      }
      // Persisted before anything is sent: the lease says who applies it, the journal will say how far it got.
      const applier = { owner, started_at: now() };
      let applying = await deps.operations.update(
        { ...operation, state: 'APPLYING', details: { ...operation.details, applier, journal: [] }, updated_at: now() },
        'APPROVED',
        leaseFrom(deps.clock, owner, leaseMs),
      );
      const lease = holdLease(deps.operations, deps.clock, id, owner, leaseMs);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, lease.lost]) : lease.lost;
      const journal: JournalEntry[] = [];
      let outcome: Awaited<ReturnType<typeof runPlan>>;
      try {
        outcome = await runPlan(deps, applying.plan.steps, signal, async (entry) => {
          journal.push(entry);
          applying = await deps.operations.update(
            { ...applying, details: { ...applying.details, journal: [...journal] }, updated_at: now() },
            'APPLYING',
          );
        });
      } finally {
        lease.release();
      }
      if (lease.lost.aborted) {
        throw new ConflictError(`operation ${id} was taken over while it was applied`, {
          hint: 'its lease expired; the audit trail has its operation.recovered entry',
        });
      }
      if (applying.ai_command_id && outcome.changed) {
        await deps.commands?.update(applying.ai_command_id, { applied_to_cluster: true });
      }
      const done: Operation = {
        ...applying,
        state: outcome.ok ? 'APPLIED' : 'FAILED',
        steps: outcome.steps,
        result: outcome.result,
        updated_at: now(),
      };
      const auditId = await auditOperation(deps, done, outcome.ok ? 'applied' : 'failed', ctx.user, {
        steps: redactOperation(done).steps,
      });
      return redactOperation(
        await deps.operations.update({ ...done, details: { ...done.details, audit_id: auditId } }, 'APPLYING'),
      );
    },

    /**
     * Reconciles every APPLYING operation of this cluster whose lease expired — its applier was killed, or lost the
     * store — against the cluster ({@link reconcileOperation}): APPLIED when every step is found in effect, otherwise
     * rolled back where possible and FAILED; each audited as `operation.recovered` with what was found. Run it at
     * start and now and then: taking the lease is atomic, so several processes may run it at once.
     */
    async recover(ctx: { user: string } = { user: 'system' }): Promise<Operation[]> {
      const at = now();
      const recovered: Operation[] = [];
      for (const found of await deps.operations.listExpiredLeases(at)) {
        if (found.cluster_id !== deps.clusterId) continue;
        if (!(await deps.operations.acquireLease(found.id, leaseFrom(deps.clock, owner, leaseMs), at))) continue;
        const reconciled = await reconcileOperation(deps, found, at);
        if (found.ai_command_id && reconciled.changed) {
          await deps.commands?.update(found.ai_command_id, { applied_to_cluster: true });
        }
        const done = { ...reconciled.operation, updated_at: now() };
        const auditId = await auditOperation(deps, done, 'recovered', ctx.user, {
          found: reconciled.found,
          previous_applier: found.details.applier ?? null,
          steps: redactOperation(done).steps,
        });
        recovered.push(
          redactOperation(
            await deps.operations.update({ ...done, details: { ...done.details, audit_id: auditId } }, 'APPLYING'),
          ),
        );
      }
      return recovered;
    },

    get: async (id: string) => redactOperation(await load(id)),
    async list(filter: OperationFilter = {}, page?: { page?: number; page_size?: number }) {
      const found = await deps.operations.list(filter, page);
      return { ...found, items: found.items.map(redactOperation) };
    },
  };
}

/** The operation lifecycle service built by {@link createOperations}. */
export type Operations = ReturnType<typeof createOperations>;

import { type AuditTrailEntry, formatRef, type HealingAction, ObjectRef, type Operation } from '@opspilot/core';
import type { Remediator } from '@opspilot/remediate';
import {
  ActionFix,
  finishManualFix,
  recordingManualFixes,
  type SettleSubject,
  startManualFix,
} from '@opspilot/remediate';
import { z } from 'zod';
import type { ApiServices } from '../api/apiServices.js';
import type { OperationsCaller } from '../api/serverOperations.js';
import { publishAudit } from '../events/publishAudit.js';
import { byRule, manualDeps, recordSecurityFix } from './manualFixRecords.js';
import { serverRemediator } from './serverRemediator.js';

/** The fix behind an operation, as `remediation.proposed` keeps it: what proves it and how it is undone. */
const FixRecord = ActionFix;

/**
 * Where the fix of an operation stands: PROPOSED (waiting for review and apply), VERIFYING (applied, its object is
 * watched for the settle window), VERIFIED, ROLLED_BACK (it did not hold and was undone) or FAILED (it did not apply).
 */
export const FixStatus = z.object({
  operation_id: z.uuid(),
  remediation: z.string(),
  finding_id: z.string(),
  subject: ObjectRef,
  status: z.enum(['PROPOSED', 'VERIFYING', 'VERIFIED', 'ROLLED_BACK', 'FAILED']),
  message: z.string(),
  at: z.string(),
});
export type FixStatus = z.infer<typeof FixStatus>;

const ACTIONS = {
  'remediation.proposed': 'PROPOSED',
  'remediation.verifying': 'VERIFYING',
  'remediation.verified': 'VERIFIED',
  'remediation.rolled_back': 'ROLLED_BACK',
  'remediation.failed': 'FAILED',
} as const satisfies Record<string, FixStatus['status']>;

const settling = new Set<Promise<unknown>>();
/** The operations whose fixes this process is settling now. */
const watched = new Set<string>();
let stopping = new AbortController();

/** The newest audit entries of one action on a cluster that name the operation (newest first, a bounded look-back). */
async function entriesOf(services: ApiServices, clusterId: string, operationId: string, action: string) {
  const page = await services.store.audit.list({ action, cluster_id: clusterId }, { page_size: 100 });
  return page.items.filter((e) => e.details.operation_id === operationId);
}

/**
 * Records that `operation` carries a fix from the remediation catalogue (`remediation.proposed`, with what proves it
 * and how it is undone), so that whoever applies it — the web's Fix button, `ask "fix …"` over the API, another
 * replica after a restart — settles it the same way.
 */
export async function rememberFix(
  services: ApiServices,
  operation: Operation,
  fix: SettleSubject,
  caller: OperationsCaller = {},
): Promise<void> {
  const record = FixRecord.parse(fix);
  await publishAudit(services, {
    action: 'remediation.proposed',
    user_id: caller.principal?.user.id ?? operation.proposed_by,
    ai_tool: `remediate:${record.remediation}`,
    input_prompt: record.finding_id,
    output_generated: record.summary,
    target: formatRef(record.subject),
    cluster_id: operation.cluster_id,
    details: { operation_id: operation.id, fix: record as never },
  });
}

/** The fix behind an operation, when one was remembered for it. */
export async function fixOfOperation(services: ApiServices, operation: Operation): Promise<SettleSubject | undefined> {
  if (!operation.cluster_id || !operation.plan.planner.startsWith('remediate:')) return undefined;
  const [proposed] = await entriesOf(services, operation.cluster_id, operation.id, 'remediation.proposed');
  const parsed = FixRecord.safeParse(proposed?.details.fix);
  return parsed.success ? parsed.data : undefined;
}

/**
 * After an operation was applied: when it carries a fix, starts settling it in the background — its object must turn
 * healthy within `healing.verify_timeout_seconds` and stay so, with no restart, for `healing.settle_seconds`, else the
 * fix is rolled back through the lifecycle's journal — audited `remediation.verifying`, then `remediation.verified`
 * or `remediation.rolled_back`. Read the outcome with {@link fixStatusOf}. An operation that failed to apply is
 * recorded `remediation.failed` (the lifecycle already rolled its steps back).
 */
export async function settleAppliedFix(
  services: ApiServices,
  operation: Operation,
  caller: OperationsCaller = {},
): Promise<void> {
  const clusterId = operation.cluster_id;
  if (!clusterId || (operation.state !== 'APPLIED' && operation.state !== 'FAILED')) return;
  const fix = await fixOfOperation(services, operation);
  if (!fix) {
    await recordSecurityFix(services, operation, caller);
    return;
  }
  const user = caller.principal?.user.username ?? operation.approved_by ?? operation.proposed_by;
  const entry = (action: string, status: 'SUCCESS' | 'ERROR', details: Record<string, unknown>) =>
    publishAudit(services, {
      action,
      user_id: caller.principal?.user.id ?? user,
      ai_tool: `remediate:${fix.remediation}`,
      input_prompt: fix.finding_id,
      output_generated: fix.summary,
      status,
      target: formatRef(fix.subject),
      cluster_id: clusterId,
      details: { operation_id: operation.id, remediation: fix.remediation, ...details } as never,
    });
  if (operation.state === 'FAILED') {
    const message = `the fix did not apply: ${operation.result}`;
    await entry('remediation.failed', 'ERROR', { message });
    if (!byRule(operation)) {
      const deps = manualDeps(services, clusterId);
      await finishManualFix(deps, await startManualFix(deps, fix, { operationId: operation.id, user }), {
        status: 'FAILED',
        message,
      });
    }
    return;
  }
  const { settle_seconds, verify_timeout_seconds } = services.config.healing;
  await entry('remediation.verifying', 'SUCCESS', {
    message: `watching ${formatRef(fix.subject)}: healthy within ${verify_timeout_seconds}s, then no restarts for ${settle_seconds}s`,
  });
  await watchFix(services, operation, fix, { user, caller });
}

/**
 * Settles an applied fix in the background (the settle window, then VERIFIED or a rollback), recorded as a MANUAL
 * healing action unless a healing rule proposed it — or finishing `manualAction`, the one a stopped process left
 * RUNNING. Stopped by {@link stopSettling} without an outcome (the next start resumes it).
 */
export async function watchFix(
  services: ApiServices,
  operation: Operation,
  fix: SettleSubject,
  ctx: { user: string; caller?: OperationsCaller; manualAction?: HealingAction },
): Promise<void> {
  const clusterId = operation.cluster_id!;
  const plain = await serverRemediator(services, clusterId, ctx.caller);
  const remediator = ctx.manualAction ? plain : manualUnlessRule(services, operation, plain);
  const signal = stopping.signal;
  watched.add(operation.id);
  const running = remediator
    .settle(operation, fix, { user: ctx.user, signal })
    .then(async (outcome) => {
      if (ctx.manualAction) await finishManualFix(manualDeps(services, clusterId), ctx.manualAction, outcome);
    })
    .catch(async (error: unknown) => {
      if (signal.aborted) return;
      services.logger.warn({ err: error, operation_id: operation.id }, 'settling a fix failed');
      await publishAudit(services, {
        action: 'remediation.failed',
        user_id: ctx.caller?.principal?.user.id ?? ctx.user,
        ai_tool: `remediate:${fix.remediation}`,
        input_prompt: fix.finding_id,
        output_generated: fix.summary,
        status: 'ERROR',
        target: formatRef(fix.subject),
        cluster_id: clusterId,
        details: {
          operation_id: operation.id,
          remediation: fix.remediation,
          message: `verification could not run: ${String(error)}`,
        },
      });
    })
    .finally(() => {
      settling.delete(running);
      watched.delete(operation.id);
    });
  settling.add(running);
}

/** Whether this process is settling the fix of the operation now. */
export const isSettling = (operationId: string) => watched.has(operationId);

/** Where the fix of an operation stands, from its audit entries; undefined for an operation that carries none. */
export async function fixStatusOf(services: ApiServices, operation: Operation): Promise<FixStatus | undefined> {
  const clusterId = operation.cluster_id;
  const fix = await fixOfOperation(services, operation);
  if (!clusterId || !fix) return undefined;
  let newest: { entry: AuditTrailEntry; status: FixStatus['status'] } | undefined;
  for (const [action, status] of Object.entries(ACTIONS)) {
    const [entry] = await entriesOf(services, clusterId, operation.id, action);
    if (entry && (!newest || entry.sequence > newest.entry.sequence)) newest = { entry, status };
  }
  if (!newest) return undefined;
  const { entry, status } = newest;
  const recovery = entry.details.recovery as { message?: string } | undefined;
  const said = String(entry.details.message ?? recovery?.message ?? entry.output_generated);
  const message =
    status === 'PROPOSED'
      ? 'waiting for review and apply'
      : status === 'ROLLED_BACK'
        ? `verification failed (${said}); the fix was rolled back`
        : said;
  return {
    operation_id: operation.id,
    remediation: fix.remediation,
    finding_id: fix.finding_id,
    subject: fix.subject,
    status,
    message,
    at: entry.timestamp,
  };
}

/** The remediator that settles a fix, recording it as a MANUAL healing action unless a healing rule proposed it. */
function manualUnlessRule(services: ApiServices, operation: Operation, remediator: Remediator): Remediator {
  if (byRule(operation) || !operation.cluster_id) return remediator;
  return recordingManualFixes(remediator, manualDeps(services, operation.cluster_id));
}

/**
 * Stops every settle in progress in this process without an outcome (shutdown): their fixes stay VERIFYING and
 * their manual actions RUNNING until the next start resumes them ({@link resumeFixSettles}).
 */
export async function stopSettling(): Promise<void> {
  stopping.abort(new Error('the server is stopping'));
  await settlingFixes();
  stopping = new AbortController();
}

/** Waits for every settle in progress in this process (tests; shutdown). */
export async function settlingFixes(): Promise<void> {
  await Promise.allSettled([...settling]);
}

import { formatRef, type HealingAction } from '@opspilot/core';
import { settleState } from '@opspilot/remediate';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';
import { fixOfOperation, isSettling, watchFix } from './fixSettlement.js';

/**
 * On start: every fix whose settle window a stopped process was running (`remediation.verifying` with no verified,
 * rolled-back or failed entry after it) is settled again from the cluster's current state — audited
 * `remediation.verifying` (resumed) and then verified or rolled back — and the MANUAL healing action it left RUNNING
 * is finished with the outcome. Returns the operation ids it resumed.
 */
export async function resumeFixSettles(services: ApiServices): Promise<string[]> {
  const resumed: string[] = [];
  const { items: clusters } = await services.store.clusters.list({}, { page_size: 100 });
  for (const cluster of clusters) {
    const watching = await services.store.audit.list(
      { action: 'remediation.verifying', cluster_id: cluster.id },
      { page_size: 100 },
    );
    const operationIds = [...new Set(watching.items.map((e) => String(e.details.operation_id ?? '')))];
    for (const operationId of operationIds.filter(Boolean)) {
      const operation = await services.store.operations.get(operationId).catch(() => undefined);
      const fix = operation && (await fixOfOperation(services, operation));
      if (!operation || !fix || operation.state !== 'APPLIED' || isSettling(operationId)) continue;
      if ((await settleState(services.store.audit, operationId, fix))?.status !== 'VERIFYING') continue;
      const manualAction = await runningManualAction(services, operationId);
      const user = operation.approved_by ?? operation.proposed_by;
      await publishAudit(services, {
        action: 'remediation.verifying',
        user_id: 'system',
        ai_tool: `remediate:${fix.remediation}`,
        input_prompt: fix.finding_id,
        output_generated: fix.summary,
        target: formatRef(fix.subject),
        cluster_id: cluster.id,
        details: {
          operation_id: operationId,
          remediation: fix.remediation,
          message: `resumed after a restart: watching ${formatRef(fix.subject)} again from its current state`,
        },
      });
      await watchFix(services, operation, fix, { user, ...(manualAction ? { manualAction } : {}) });
      resumed.push(operationId);
    }
  }
  return resumed;
}

/** The MANUAL healing action a stopped settle of the operation left RUNNING, if any. */
async function runningManualAction(services: ApiServices, operationId: string): Promise<HealingAction | undefined> {
  const { items } = await services.store.healingActions.list(
    { trigger: 'MANUAL', status: 'RUNNING' },
    { page_size: 100 },
  );
  return items.find((a) => a.result.operation_id === operationId);
}

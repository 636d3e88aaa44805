import { hasRequestReader, planRequest, registerRequestReader, withRepairCatalogue } from '@opspilot/ai';
import { createLanguageModel } from '@opspilot/ai-providers';
import type { OpspilotConfig } from '@opspilot/config';
import { type ClusterGateway, type HealingAction, systemClock } from '@opspilot/core';
import { costRequestReader } from '@opspilot/cost';
import { type FixPlanner, fixPlanner } from '@opspilot/remediate';

/**
 * The planner of `opspilot ask`: the built-in offline planner, or — when `llm.provider` names one — that model
 * driving the agent loop (which falls back to the offline planner when the model fails). Names are resolved
 * against the live cluster. Repair requests ("fix the oom pod") are answered from the remediation catalogue
 * (`fixPlanner` of `@opspilot/remediate`, ranked with the healing `history`; `fixOf(plan)` gives the fix behind a
 * plan, to settle it after the apply); the grounded planner reaches the same catalogue for the repairs only it can
 * ground (`fix it`, a fuzzy name). Cost questions ("how much does namespace todo cost") are read by the cost
 * optimizer's reader, registered here. A misconfigured provider is an InputError naming the setting to fix.
 */
export function createPlanner(
  config: OpspilotConfig,
  gateway: ClusterGateway,
  history?: () => Promise<HealingAction[]>,
): FixPlanner {
  if (!hasRequestReader(costRequestReader.id)) registerRequestReader(costRequestReader);
  const { provider, ...rest } = config.llm;
  const fixes = { gateway, now: () => systemClock.now(), ...(history ? { history } : {}) };
  const model = provider === 'offline' ? undefined : createLanguageModel({ provider, ...rest });
  if (model && !model.ok) throw model.error;
  return withRepairCatalogue(
    (inner) => fixPlanner(inner, fixes),
    (request, context, repair) =>
      planRequest(request, { gateway, namespace: context.namespace, repair, ...(model ? { model: model.value } : {}) }),
  );
}

import { planRequest } from '@opspilot/ai';
import { createLanguageModel } from '@opspilot/ai-providers';
import type { OpspilotConfig } from '@opspilot/config';
import type { ClusterGateway } from '@opspilot/core';
import type { Planner } from '@opspilot/ops';

/**
 * The planner of `opspilot ask`: the built-in offline planner, or — when `llm.provider` names one — that model
 * driving the agent loop (which falls back to the offline planner when the model fails). Names are resolved
 * against the live cluster. A misconfigured provider is an InputError naming the setting to fix.
 */
export function createPlanner(config: OpspilotConfig, gateway: ClusterGateway): Planner {
  const { provider, ...rest } = config.llm;
  if (provider === 'offline') {
    return (request, context) => planRequest(request, { gateway, namespace: context.namespace });
  }
  const model = createLanguageModel({ provider, ...rest });
  if (!model.ok) throw model.error;
  return (request, context) => planRequest(request, { gateway, namespace: context.namespace, model: model.value });
}

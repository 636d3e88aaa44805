import { planRequest } from '@opspilot/ai';
import { configuredModel } from '@opspilot/ai-providers';
import { type Operation, type OperationState, type OperationStore, redactPlan } from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import { createOperations } from '@opspilot/ops';
import { publishAudit } from '../events/publishAudit.js';
import type { ApiServices } from './apiServices.js';

/**
 * The operation lifecycle (`@opspilot/ops`) for one registered cluster, wired to the server's store, clock and bus:
 * the cluster is reached through its shared gateway (`services.gateways`), audit entries are announced as `AUDIT_APPENDED` and every
 * state an operation enters is announced as `PLAN_STATE_CHANGED` (with the redacted plan's summary).
 */
export async function serverOperations(services: ApiServices, clusterId: string) {
  const { store, bus, clock, config } = services;
  const gateway = await services.gateways.get(clusterId);
  const model = configuredModel(config.llm);
  if (!model.ok) throw model.error;
  const announce = async (operation: Operation) => {
    await bus
      .publish({
        event_type: 'PLAN_STATE_CHANGED',
        cluster_id: operation.cluster_id,
        timestamp: clock.now().toISOString(),
        payload: {
          operation_id: operation.id,
          state: operation.state,
          risk: operation.risk,
          summary: redactPlan(operation.plan).summary,
          proposed_by: operation.proposed_by,
        },
      })
      .catch((error: unknown) => services.logger.warn({ err: error }, 'publishing an operation event failed'));
    return operation;
  };
  const operations: OperationStore = {
    create: async (op) => announce(await store.operations.create(op)),
    update: async (op, expected: OperationState) => announce(await store.operations.update(op, expected)),
    get: (id) => store.operations.get(id),
    list: (filter, page) => store.operations.list(filter, page),
  };
  return createOperations({
    gateway,
    operations,
    audit: { ...store.audit, append: (entry) => publishAudit(services, entry) },
    commands: store.aiCommands,
    clock,
    clusterId,
    planner: (text, context) =>
      planRequest(text, {
        gateway,
        clock,
        ...(context.namespace ? { namespace: context.namespace } : {}),
        ...(model.value ? { model: model.value } : {}),
      }),
    diff: diffObjects,
  });
}

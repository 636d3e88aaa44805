import { planRequest } from '@opspilot/ai';
import { configuredModel } from '@opspilot/ai-providers';
import {
  type NewAuditTrailEntry,
  type ObjectRef,
  type Operation,
  type OperationState,
  type OperationStore,
  redactPlan,
} from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import { createOperations } from '@opspilot/ops';
import type { Principal } from '../auth/principal.js';
import { publishAudit } from '../events/publishAudit.js';
import type { ApiServices } from './apiServices.js';
import { narrowToChoices } from './narrowToChoices.js';

/** Who acts on the operations, and the objects they picked when the planner asked which one they meant. */
export interface OperationsCaller {
  principal?: Pick<Principal, 'user' | 'via'>;
  choices?: readonly ObjectRef[];
}

/**
 * An operation's audit entry as every other entry of the API records its caller: `user_id` the user's id (ops names
 * people by username), the username and how they signed in under `details`.
 */
function attributed(entry: NewAuditTrailEntry, principal: OperationsCaller['principal']): NewAuditTrailEntry {
  if (!principal) return entry;
  return {
    ...entry,
    user_id: principal.user.id,
    details: { username: principal.user.username, via: principal.via, ...entry.details },
  };
}

/**
 * The operation lifecycle (`@opspilot/ops`) for one registered cluster, wired to the server's store, clock and bus:
 * the cluster is reached through its shared gateway (`services.gateways`), audit entries are announced as `AUDIT_APPENDED` and every
 * state an operation enters is announced as `PLAN_STATE_CHANGED` (with the redacted plan's summary). With a
 * `caller`, audit entries name the caller's user id, and the planner resolves names among the objects they chose.
 */
export async function serverOperations(services: ApiServices, clusterId: string, caller: OperationsCaller = {}) {
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
    audit: { ...store.audit, append: (entry) => publishAudit(services, attributed(entry, caller.principal)) },
    commands: store.aiCommands,
    clock,
    clusterId,
    planner: (text, context) =>
      planRequest(text, {
        gateway: narrowToChoices(gateway, caller.choices ?? []),
        clock,
        ...(context.namespace ? { namespace: context.namespace } : {}),
        ...(model.value ? { model: model.value } : {}),
      }),
    diff: diffObjects,
  });
}

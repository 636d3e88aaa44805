import { hostname } from 'node:os';
import { planRequest, withRepairCatalogue } from '@opspilot/ai';
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
import { type ApplyProgress, createOperations, type OpsDeps } from '@opspilot/ops';
import { allActions, type FixPlanner, fixPlanner } from '@opspilot/remediate';
import type { Principal } from '../auth/principal.js';
import { registerCostReader } from '../cost/registerCostReader.js';
import { publishAudit } from '../events/publishAudit.js';
import { planImageGate } from '../security/securityGates.js';
import type { ApiServices } from './apiServices.js';
import { narrowToChoices } from './narrowToChoices.js';
import { plannerSessionOf } from './plannerSessions.js';

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
  const deps = await serverOpsDeps(services, clusterId, caller);
  const ops = createOperations(deps);
  return {
    ...ops,
    /** The fix from the remediation catalogue behind a plan this planner made (`ask "fix …"`), for settling it. */
    fixOf: (plan: Operation['plan']) => (deps.planner as FixPlanner).fixOf(plan),
    // Every apply of this process can be stopped at shutdown (after its current step) and is awaited then.
    apply(id: string, ctx: Parameters<typeof ops.apply>[1]) {
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, shutdown.signal]) : shutdown.signal;
      const running = ops.apply(id, { ...ctx, signal });
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running)).catch(() => undefined);
      return running;
    },
  };
}

/**
 * What the operation lifecycle of one registered cluster runs on in the server (see {@link serverOperations}); the
 * remediator of `@opspilot/remediate` runs on the same.
 */
export async function serverOpsDeps(
  services: ApiServices,
  clusterId: string,
  caller: OperationsCaller = {},
): Promise<OpsDeps> {
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
    // Progress recorded while APPLYING is not a state change and is not announced.
    update: async (op, expected: OperationState, lease) => {
      const updated = await store.operations.update(op, expected, lease);
      return updated.state === expected ? updated : announce(updated);
    },
    acquireLease: (id, lease, now) => store.operations.acquireLease(id, lease, now),
    listExpiredLeases: (now) => store.operations.listExpiredLeases(now),
    get: (id) => store.operations.get(id),
    list: (filter, page) => store.operations.list(filter, page),
  };
  registerCostReader();
  return {
    leaseOwner: LEASE_OWNER,
    gateway,
    operations,
    audit: { ...store.audit, append: (entry) => publishAudit(services, attributed(entry, caller.principal)) },
    commands: store.aiCommands,
    clock,
    clusterId,
    // Repair requests ("fix the oom pod", "fix it") are answered from the remediation catalogue — named ones by the
    // catalogue planner, grounded ones through the planner's repair port — the rest by the planner.
    planner: withRepairCatalogue(
      (inner) =>
        fixPlanner(inner, {
          gateway,
          now: () => clock.now(),
          history: () => allActions({ rules: store.healingRules, actions: store.healingActions }, {}),
        }),
      (text, context, repair) =>
        planRequest(text, {
          gateway: narrowToChoices(gateway, caller.choices ?? []),
          clock,
          repair,
          // "fix it" after "why is api crashing": the caller's conversation on this cluster.
          ...(caller.principal ? { session: plannerSessionOf(caller.principal.user.id, clusterId) } : {}),
          ...(context.namespace ? { namespace: context.namespace } : {}),
          ...(model.value ? { model: model.value } : {}),
        }),
    ),
    diff: diffObjects,
    // Images must pass security scanning (seed 001): plans setting an image are checked against its latest scan.
    planGate: (plan) => planImageGate(services, clusterId, plan),
    ...(process.env[PAUSE_AFTER_FIRST_STEP] === '1' ? { progress: pauseAfterFirstStep } : {}),
  };
}

/** The lease owner of this server process: its operations are taken over by another replica if it dies. */
const LEASE_OWNER = `server:${hostname()}:${process.pid}:${crypto.randomUUID()}`;
let shutdown = new AbortController();
/** Test-only switch of the server's fault-injection test (`serverFaultInjection.test.ts`); never set otherwise. */
const PAUSE_AFTER_FIRST_STEP = 'OPSPILOT_TEST_PAUSE_AFTER_FIRST_STEP';

/**
 * With `OPSPILOT_TEST_PAUSE_AFTER_FIRST_STEP=1` only: once the first step of an apply is applied and verified, prints
 * `opspilot-test: step 1 applied` on stdout and waits until shutdown stops applies, so a test can kill the server at
 * exactly that point.
 */
async function pauseAfterFirstStep(event: ApplyProgress): Promise<void> {
  if (event.index !== 0 || event.phase !== 'applied') return;
  const stopping = shutdown.signal;
  process.stdout.write('opspilot-test: step 1 applied\n');
  await new Promise((resume) => stopping.addEventListener('abort', resume, { once: true }));
}
const inFlight = new Set<Promise<unknown>>();

/**
 * Reconciles every operation of a registered cluster left APPLYING with an expired lease (a server or CLI that was
 * killed or lost the store), audited as `operation.recovered`. Run at start and every `recovery_interval`; returns how
 * many were recovered. Operations of unregistered clusters are left to the CLI that applied them.
 */
export async function recoverOperations(services: ApiServices): Promise<number> {
  const expired = await services.store.operations.listExpiredLeases(services.clock.now().toISOString());
  const clusters = [...new Set(expired.map((o) => o.cluster_id).filter((id): id is string => Boolean(id)))];
  let recovered = 0;
  for (const clusterId of clusters) {
    try {
      recovered += (await (await serverOperations(services, clusterId)).recover()).length;
    } catch (error) {
      services.logger.warn({ err: error, cluster_id: clusterId }, 'recovering operations failed');
    }
  }
  return recovered;
}

/**
 * At shutdown (SIGTERM): asks every apply in progress to stop after its current step (rolling back what it applied
 * and recording FAILED) and waits for them, at most `graceMs`. An apply still running then keeps its lease until it
 * expires, and the next start reconciles it.
 */
export async function stopApplying(graceMs: number): Promise<void> {
  const stopping = shutdown;
  // Applies started after this (another server in the same process, as in tests) are not stopped by it.
  shutdown = new AbortController();
  stopping.abort(new Error('interrupted: the server is shutting down'));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
}

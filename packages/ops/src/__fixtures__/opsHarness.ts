import {
  type ClusterGateway,
  type KubeObject,
  ManualClock,
  type OperationStore, type Plan, PlanOutcome, PlanStep } from '@opspilot/core';
import type { z } from 'zod';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import type { Dialect } from '@opspilot/store';
import { openTestStore } from '@opspilot/store/testing';
import { createOperations } from '../operations.js';
import type { OpsDeps, Planner } from '../opsDeps.js';

/** A plan as the planner would hand it over (the lifecycle re-classifies its risk itself). */
export function planOf(
  request: string,
  steps: z.input<typeof PlanStep>[],
  claimedRisk: Plan['risk'] = 'read',
): PlanOutcome {
  return PlanOutcome.parse({
    kind: 'plan',
    plan: {
      request,
      summary: request,
      steps,
      risk: claimedRisk,
      riskReasons: [],
      assumptions: [],
      rendered: { bash: `# ${request}`, powershell: `# ${request}` },
      planner: 'test-planner',
    },
  });
}

/**
 * The lifecycle wired to real parts: the simulated demo cluster over HTTPS through `@opspilot/kube`, a SQLite (or
 * PostgreSQL) store with an encryption key (operations, AI commands, the audit chain) and a planner answering with
 * the plans a test gives it.
 */
export async function opsHarness(
  options: {
    scenario?: string;
    /** A real planner over the gateway instead of the table of plans. */
    planner?: (gateway: ClusterGateway) => Planner;
    /** Objects created (server-side apply) before the test starts. */
    extra?: KubeObject[];
    /** The store's database (default SQLite). */
    dialect?: Dialect;
    /** Wraps the store's operations (to make it fail on purpose). */
    operations?: (store: OperationStore) => OperationStore;
    /** Passed on to the lifecycle (progress, lease owner and length). */
    deps?: Partial<OpsDeps>;
  } = {},
) {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const sim = await startSimCluster({ scenario: options.scenario ?? 'demo', clock });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  for (const object of options.extra ?? []) await gateway.apply(object);
  await advanceClock(clock, 15_000);
  const t = await openTestStore(options.dialect ?? 'sqlite');
  const plans = new Map<string, PlanOutcome>();
  const deps: OpsDeps = {
    gateway,
    operations: options.operations?.(t.store.operations) ?? t.store.operations,
    audit: t.store.audit,
    commands: t.store.aiCommands,
    clock,
    planner:
      options.planner?.(gateway) ??
      (async (request) => {
        const outcome = plans.get(request);
        if (!outcome) throw new Error(`no plan for ${request}`);
        return outcome;
      }),
    diff: diffObjects,
    verifyTimeoutMs: 60_000,
    pollMs: 1000,
    ...options.deps,
  };
  const ops = createOperations(deps);
  /** Runs `work` while the cluster clock moves on, so controllers act and verification deadlines pass. */
  const whileRunning = async <T>(work: Promise<T>): Promise<T> => {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    // Handled later by the caller's await; without this a rejection during the loop counts as unhandled.
    done.catch(() => undefined);
    while (!settled) await advanceClock(clock, 1000);
    return done;
  };
  return {
    sim,
    gateway,
    store: t.store,
    ops,
    plans,
    clock,
    whileRunning,
    /** The lifecycle as another process would build it over the same store and cluster. */
    another: (over: Partial<OpsDeps> = {}) => createOperations({ ...deps, operations: t.store.operations, ...over }),
    stop: async () => {
      await sim.stop();
      await t.cleanup();
    },
  };
}

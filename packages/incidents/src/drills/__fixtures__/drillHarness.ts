import { renderPlanCommands } from '@opspilot/ai';
import { analyzeSnapshot } from '@opspilot/analyzers';
import { type Event, ManualClock, type Plan, type PlanStep } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { createOperations } from '@opspilot/ops';
import { openTestStore } from '@opspilot/store/testing';
import { createFindingFeed } from '../../correlate/findingFeed.js';
import { snapshotTopology } from '../../correlate/topology.js';
import { sampledMetrics } from './sampledMetrics.js';
import { createIncidentCommander } from '../../incidentCommander.js';
import type { IncidentDeps } from '../../incidentDeps.js';
import { createIncidentEngine } from '../../incidentEngine.js';
import { actionCatalog } from '../../runbooks/actionCatalog.js';
import { createRunbookLibrary } from '../../runbooks/runbookLibrary.js';
import { createRunbookRunner } from '../../runbooks/runbookRunner.js';

/**
 * Everything a drill runs on, real parts only: the simulated cluster (a drill scenario) over HTTPS through
 * `@opspilot/kube`, a SQLite store (incidents, timeline, runbooks, executions, operations, the audit chain), the
 * operation lifecycle, and the incident commander wired as the server wires it. Signals come from the analyzers run
 * over the cluster's snapshot, as the fleet's live model delivers them.
 */
export async function drillHarness(scenario: string) {
  // The store stamps audit entries with the real time: the cluster's clock starts there too, so they agree.
  const clock = new ManualClock(new Date());
  const sim = await startSimCluster({
    scenario: new URL(`./scenarios/${scenario}.yaml`, import.meta.url).pathname,
    clock,
  });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  await advanceClock(clock, 30_000);
  const t = await openTestStore('sqlite');
  const events: Event[] = [];
  const opsDeps = {
    gateway,
    operations: t.store.operations,
    audit: t.store.audit,
    clock,
    diff: diffObjects,
    verifyTimeoutMs: 120_000,
    pollMs: 1000,
  };
  const deps: IncidentDeps = {
    records: t.store.incidents,
    audit: t.store.audit,
    clock,
    bus: { publish: async (e) => void events.push(e) },
  };
  const engine = createIncidentEngine(deps, { resolveAfterMs: 120_000 });
  const catalog = actionCatalog();
  const library = createRunbookLibrary(
    { runbooks: t.store.runbooks, versions: t.store.runbookVersions },
    t.store.audit,
    catalog,
  );
  await library.installShipped();
  /** A runner as a (re)started process builds it over the same store and cluster. */
  const makeRunner = () =>
    createRunbookRunner({
      library,
      executions: t.store.runbookExecutions,
      ops: opsDeps,
      catalog,
      audit: t.store.audit,
      clock,
      timeline: (id, entry) => engine.record(id, entry),
      incidentSignals: async (id) => (await engine.signalsOf(id)).map((h) => h.signal),
    });
  const runner = makeRunner();
  const clusterId = '0d5f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
  const metrics = sampledMetrics(gateway, clusterId);
  const commander = createIncidentCommander({
    deps,
    engine,
    evidence: { gateway, audit: t.store.audit, clock, metrics: metrics.source, clusterId },
    library,
    runner,
  });
  const feed = createFindingFeed();

  /** Runs `work` while the cluster clock moves on (controllers act, verification and checks poll). */
  const whileRunning = async <T>(work: Promise<T>): Promise<T> => {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    done.catch(() => undefined);
    while (!settled) await advanceClock(clock, 1000);
    return done;
  };

  return {
    sim,
    gateway,
    clock,
    store: t.store,
    events,
    commander,
    runner,
    makeRunner,
    opsDeps,
    library,
    whileRunning,
    metrics,
    advance: (ms: number) => advanceClock(clock, ms),
    /** Moves the cluster clock on by `ms`, sampling the pods' metrics every 15 s (as the built-in sampler would). */
    async advanceSampling(ms: number) {
      for (let done = 0; done < ms; done += 15_000) {
        await advanceClock(clock, Math.min(15_000, ms - done));
        await metrics.sample(clock.now());
      }
    },
    /** One analyzer pass over the cluster, its findings fed to the commander as signals; returns the incidents touched. */
    async observe() {
      const snapshot = await gateway.snapshot();
      commander.setTopology(snapshotTopology(snapshot));
      const findings = analyzeSnapshot(snapshot, { now: clock.now() }).groups.flatMap((g) => [
        g.rootCause,
        ...g.symptoms,
      ]);
      return commander.ingest(feed.update(findings, clock.now().toISOString()));
    },
    /** A change made by a person through the operation lifecycle: proposed by `who`, approved by `approver`, applied. */
    async change(request: string, steps: PlanStep[], who = 'alice', approver = 'bob') {
      const plan: Plan = {
        request,
        summary: request,
        steps,
        risk: 'write',
        riskReasons: [],
        assumptions: [],
        rendered: renderPlanCommands(steps),
        planner: 'test-planner',
      };
      const ops = createOperations({ ...opsDeps, planner: async () => ({ kind: 'plan', plan, notices: [] }) });
      const proposed = await ops.propose(request, { user: who });
      if (proposed.kind !== 'operation') throw new Error('expected an operation');
      await ops.approve(proposed.operation.id, { user: approver });
      return whileRunning(ops.apply(proposed.operation.id, { user: approver }));
    },
    stop: async () => {
      await sim.stop();
      await t.cleanup();
    },
  };
}

/** The drill harness built by {@link drillHarness}. */
export type Drill = Awaited<ReturnType<typeof drillHarness>>;

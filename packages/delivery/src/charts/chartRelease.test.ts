import { type ClusterGateway, ManualClock, type Operation } from '@opspilot/core';
import { createHelmReleaser } from '@opspilot/helm';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, toolBinary } from '@opspilot/kube-sim/testing';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todoChart } from '../__fixtures__/todoChart.js';
import { applyChartRelease, approveChartRelease } from './applyChartRelease.js';
import type { ChartReleaseDeps } from './chartReleaseDeps.js';
import { proposeChartRelease } from './proposeChartRelease.js';
import { rollbackChartRelease } from './rollbackChartRelease.js';

let sim: SimCluster;
let clock: ManualClock;
let t: TestStore;
let gateway: ClusterGateway;
let deps: ChartReleaseDeps;
const chart = todoChart();
// The simulated registry holds todo/backend and todo/frontend at 1.0, 1.1, 1.2 and 2.0.
const base = {
  secret: { create: true, stringData: { DATABASE_URL: 'postgres://db/todo' } },
  apps: { backend: { image: { tag: '1.0' } }, frontend: { image: { tag: '1.0' } } },
};
const withBackend = (backend: Record<string, unknown>) => ({
  ...base,
  apps: { ...base.apps, backend: { ...base.apps.backend, ...backend } },
});

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-12-06T09:00:00Z'));
  sim = await startSimCluster({ clock });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  t = await openTestStore('sqlite');
  deps = {
    releaser: createHelmReleaser({ kubeconfig: sim.kubeconfig, binary: toolBinary('helm') }),
    gateway,
    operations: t.store.operations,
    audit: t.store.audit,
    clock,
    diff: diffObjects,
  };
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
  await sim?.stop();
});

/** Lets the simulated cluster's time pass while helm waits for readiness. */
async function whileRunning<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  while (!settled) await advanceClock(clock, 2000);
  return done;
}

async function release(values: Record<string, unknown>, timeoutSeconds = 120): Promise<Operation> {
  const proposed = await proposeChartRelease(deps, {
    chart,
    chartName: 'todo',
    release: 'todo',
    namespace: 'todo',
    values,
    timeoutSeconds,
    user: 'alice',
  });
  expect(proposed.problems).toEqual([]);
  expect(proposed.state).toBe('NEEDS_REVIEW');
  await approveChartRelease(deps, proposed.id, 'bob');
  return whileRunning(applyChartRelease(deps, proposed.id, chart, 'bob'));
}

const replicas = async (name: string) =>
  ((await gateway.get({ kind: 'Deployment', namespace: 'todo', name })) as { spec: { replicas: number } }).spec
    .replicas;

describe('releasing the generated Todo chart with helm on the simulated cluster', () => {
  it('removes a first install that does not become ready, saying why', async () => {
    const proposed = await proposeChartRelease(deps, {
      chart,
      chartName: 'todo',
      release: 'first',
      namespace: 'first',
      values: { ...base, apps: { ...base.apps, frontend: { image: { tag: '0.0.1-missing' } } } },
      timeoutSeconds: 6,
      user: 'alice',
    });
    await approveChartRelease(deps, proposed.id, 'bob');
    const failed = await whileRunning(applyChartRelease(deps, proposed.id, chart, 'bob'));
    expect(failed.state).toBe('FAILED');
    expect(failed.problems.join('\n')).toMatch(/frontend.*(ErrImagePull|ImagePullBackOff)/);
    expect(failed.steps.at(-1)?.message).toMatch(/removed the release/);
    expect(await deps.releaser.history('first', 'first')).toEqual({ ok: true, value: [] });
  }, 120_000);

  it('installs it after a dry-run whose diff shows every object, and verifies every workload', async () => {
    const proposed = await proposeChartRelease(deps, {
      chart,
      chartName: 'todo',
      release: 'todo',
      namespace: 'todo',
      values: base,
      user: 'alice',
    });
    expect(proposed.problems).toEqual([]);
    expect(proposed.diff).toContain('apps.v1.Deployment.todo.backend');
    expect(proposed.diff).not.toContain('postgres://db/todo');
    expect(proposed.plan.rendered.bash).toContain('helm upgrade --install todo');
    await approveChartRelease(deps, proposed.id, 'bob');
    const applied = await whileRunning(applyChartRelease(deps, proposed.id, chart, 'bob'));
    expect(applied.problems).toEqual([]);
    expect(applied.state).toBe('APPLIED');
    expect(applied.result).toMatch(/revision 1 deployed/);
    expect(applied.result).toMatch(/Deployment\/backend: 2\/2 available/);
    expect(applied.result).toMatch(/Deployment\/frontend: 2\/2 available/);
    const actions = (await t.store.audit.list({ target: `operation/${proposed.id}` })).items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['operation.proposed', 'operation.approved', 'operation.applying', 'operation.applied']),
    );
  }, 180_000);

  it('upgrades it and rolls it back with helm rollback', async () => {
    const upgraded = await release(withBackend({ replicas: 3 }));
    expect(upgraded.problems).toEqual([]);
    expect(upgraded.state).toBe('APPLIED');
    expect(upgraded.result).toMatch(/revision 2 deployed/);
    expect(await replicas('backend')).toBe(3);
    const back = await whileRunning(rollbackChartRelease(deps, { release: 'todo', namespace: 'todo', user: 'bob' }));
    expect(back.state).toBe('APPLIED');
    expect(back.result).toMatch(/rolled back to revision 1 \(now revision 3\)/);
    expect(await replicas('backend')).toBe(2);
  }, 180_000);

  it('rolls back an upgrade that does not become ready and says why', async () => {
    const failed = await release(withBackend({ image: { tag: '9.9.9-missing' } }), 8);
    expect(failed.state).toBe('FAILED');
    expect(failed.problems[0]).toMatch(/helm upgrade --install failed/);
    expect(failed.problems.join('\n')).toMatch(/ImagePull|ErrImagePull|9\.9\.9-missing/);
    expect(failed.steps.find((s) => s.status === 'rolled_back')?.message).toMatch(/back to revision 3/);
    const backend = (await gateway.get({ kind: 'Deployment', namespace: 'todo', name: 'backend' })) as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(backend.spec.template.spec.containers[0]?.image).toBe('todo/backend:1.0');
  }, 180_000);
});

import { ConflictError, type CostRecommendation, type KubeObject, ManualClock } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { createOperations } from '@opspilot/ops';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CostApplierDeps, createCostApplier } from './createCostApplier.js';
import { rightsizeRecord } from './recommendationRecords.js';

const MI = 2 ** 20;
const CLUSTER_ID = '5d0c8f5e-3b7a-4c1e-9f2d-6a8b0c1d2e3f';

const deployment = (name: string): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'todo/backend:1.0',
              resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } },
            },
            { name: 'sidecar', image: 'todo/backend:1.0', resources: { requests: { cpu: '50m', memory: '64Mi' } } },
          ],
        },
      },
    },
  }) as KubeObject;

let sim: SimCluster;
let clock: ManualClock;
let t: TestStore;
let deps: CostApplierDeps;
let gateway: ReturnType<typeof createClusterGateway>;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  sim = await startSimCluster({ clock });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  t = await openTestStore('sqlite');
  deps = {
    gateway,
    operations: t.store.operations,
    audit: t.store.audit,
    clock,
    diff: diffObjects,
    verifyTimeoutMs: 120_000,
    pollMs: 1000,
  };
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  await gateway.apply(deployment('cart'));
  await gateway.apply(deployment('other'));
  await advanceClock(clock, 10_000);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await t?.cleanup();
});

/** A stored recommendation for cart/app computed against its resources of now. */
async function recommendation(): Promise<CostRecommendation> {
  const record = rightsizeRecord({
    cluster_id: CLUSTER_ID,
    cluster: 'sim',
    replicas: 1,
    namespace: 'shop',
    workload: { kind: 'Deployment', name: 'cart' },
    container: 'app',
    pod: 'cart-x',
    status: 'RECOMMENDED',
    reason: 'CPU request = p95 of usage (120m), no CPU limit; memory request = limit = max (156Mi) + 15 %',
    current: { cpu_request: 1, cpu_limit: 2, memory_request: 1024 * MI, memory_limit: 1024 * MI },
    recommended: { cpu_request: 0.12, memory_request: 180 * MI, memory_limit: 180 * MI },
    history_hours: 168,
    confidence: 0.5,
    current_monthly_cost: 33,
    estimated_monthly_savings: 28,
  });
  const { cluster_id: _unregistered, ...stored } = record;
  return t.store.costRecommendations.create(stored);
}

const containers = async (name: string) =>
  (
    (await gateway.get({ kind: 'Deployment', namespace: 'shop', name, apiVersion: 'apps/v1' }))!.spec as never as {
      template: { spec: { containers: { name: string; resources: unknown }[] } };
    }
  ).template.spec.containers;

async function whileRunning<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  done.catch(() => undefined);
  while (!settled) await advanceClock(clock, 1000, 1000);
  return done;
}

describe('applying a rightsizing recommendation', () => {
  it('changes exactly that container after approval, verified and audited', async () => {
    const rec = await recommendation();
    const applier = createCostApplier(deps);
    const before = { other: await containers('other'), sidecar: (await containers('cart'))[1] };
    const { operation } = await applier.plan(rec, { user: 'alice' });
    expect(operation.state).toBe('NEEDS_REVIEW');
    expect(operation.risk).toBe('write');
    expect(operation.diff).toContain('cpu: 120m');
    // Not applied before approval.
    expect((await containers('cart'))[0]!.resources).toEqual({
      requests: { cpu: '1', memory: '1Gi' },
      limits: { cpu: '2', memory: '1Gi' },
    });
    await expect(applier.apply(operation.id, rec, { user: 'alice' })).rejects.toThrow(
      /not APPROVED|NEEDS_REVIEW|approved/i,
    );
    await createOperations({ ...deps, planner: async () => ({ kind: 'unsupported', reason: 'n/a' }) as never }).approve(
      operation.id,
      { user: 'bob' },
    );
    const applied = await whileRunning(applier.apply(operation.id, rec, { user: 'bob' }));
    expect(applied.state).toBe('APPLIED');
    const after = await containers('cart');
    expect(after[0]!.resources).toEqual({ requests: { cpu: '120m', memory: '180Mi' }, limits: { memory: '180Mi' } });
    expect(after[1]).toEqual(before.sidecar);
    expect(await containers('other')).toEqual(before.other);
    const trail = await t.store.audit.list({});
    const actions = trail.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['cost.recommendation.planned', 'cost.recommendation.applied']));
    expect(trail.items.find((e) => e.action === 'cost.recommendation.applied')).toMatchObject({
      user_id: 'bob',
      target: 'deployment/shop/cart',
      status: 'SUCCESS',
    });
  });

  it('refuses, and audits, a recommendation whose target changed since it was computed', async () => {
    await gateway.patch(
      { kind: 'Deployment', namespace: 'shop', name: 'other', apiVersion: 'apps/v1' },
      {
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'app',
                  resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } },
                },
              ],
            },
          },
        },
      },
    );
    const rec = { ...(await recommendation()), resource: { kind: 'Deployment', namespace: 'shop', name: 'other' } };
    const applier = createCostApplier(deps);
    const { operation } = await applier.plan(rec, { user: 'alice' });
    await createOperations({ ...deps, planner: async () => ({ kind: 'unsupported', reason: 'n/a' }) as never }).approve(
      operation.id,
      { user: 'bob' },
    );
    await gateway.patch(
      { kind: 'Deployment', namespace: 'shop', name: 'other', apiVersion: 'apps/v1' },
      { spec: { template: { spec: { containers: [{ name: 'app', resources: { requests: { cpu: '300m' } } }] } } } },
    );
    const refused = applier.apply(operation.id, rec, { user: 'bob' });
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(
      /changed since the recommendation was computed: cpu request was 1, is now 0.3/,
    );
    expect((await containers('other'))[0]!.resources).toMatchObject({ requests: { cpu: '300m' } });
    await expect(applier.plan(rec, { user: 'alice' })).rejects.toThrow(ConflictError);
    const refusals = await t.store.audit.list({ action: 'cost.recommendation.refused' });
    expect(refusals.items).toHaveLength(2);
    expect(refusals.items[0]).toMatchObject({ status: 'ERROR', target: 'deployment/shop/other' });
  });
});

import { createMemoryEventBus } from '@opspilot/bus';
import { type Event, ManualClock } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeRollouts } from './observeRollouts.js';

let sim: SimCluster;
let t: TestStore;
const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));

beforeAll(async () => {
  sim = await startSimCluster({ clock });
  t = await openTestStore('sqlite');
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
  await sim?.stop();
});

describe('observeRollouts', () => {
  it('records a deployment when the fleet reports changed Deployments, and ignores other kinds', async () => {
    const cluster = await t.store.clusters.create({ name: 'sim', api_server_url: 'https://sim.example.com' });
    const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
    await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await gateway.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cart', namespace: 'shop' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'cart' } },
        template: {
          metadata: { labels: { app: 'cart' } },
          spec: { containers: [{ name: 'cart', image: 'shop/cart:9f3e2d1a' }] },
        },
      },
    });
    const bus = createMemoryEventBus();
    const recorded: Event[] = [];
    bus.subscribe({ event_types: ['DEPLOYMENT_RECORDED'] }, (e) => void recorded.push(e));
    const stop = observeRollouts({
      bus,
      store: t.store,
      gateways: { get: async () => gateway } as never,
      clock,
      logger: pino({ level: 'silent' }),
    });
    const changed = (kinds: string[]) =>
      bus.publish({
        event_type: 'RESOURCES_CHANGED',
        cluster_id: cluster.id,
        timestamp: clock.now().toISOString(),
        payload: { name: 'sim', kinds, changes: 1 },
      });
    await changed(['ConfigMap']);
    await changed(['Deployment', 'Pod']);
    await expect.poll(() => recorded.length, { timeout: 20_000 }).toBe(1);
    expect(recorded[0]!.payload).toMatchObject({ service: 'cart', images: ['shop/cart:9f3e2d1a'], rollback: false });
    const stored = await t.store.deploymentRecords.list({ cluster_id: cluster.id });
    expect(stored.items).toMatchObject([{ workload: 'cart', commit_sha: '9f3e2d1a' }]);
    stop();
    await bus.close();
  });
});

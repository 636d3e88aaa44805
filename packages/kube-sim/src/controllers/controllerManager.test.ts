import { ManualClock } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createObject } from '../server/writeOperations.js';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import type { KubeObject } from '../store/kubeObject.js';
import { advanceClock } from '../testing/advanceClock.js';
import type { ControllerFailure } from './reconcileGuard.js';

type Json = Record<string, unknown>;
let sim: SimCluster | undefined;
afterEach(async () => sim?.stop());

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
  },
};

/** An autoscaler without `spec.scaleTargetRef`, stored behind admission's back (as a scenario file or old data could). */
const brokenHpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'broken', namespace: 'default' },
  spec: { maxReplicas: 3 },
};

async function start(failures: ControllerFailure[]) {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, tls: false, onControllerError: (f) => failures.push(f) });
  const type = (g: string, v: string, p: string) => sim!.api.registry.find(g, v, p)!;
  return {
    sim,
    clock,
    hpas: type('autoscaling', 'v2', 'horizontalpodautoscalers'),
    deployments: type('apps', 'v1', 'deployments'),
    events: type('', 'v1', 'events'),
  };
}

describe('controller errors are isolated', () => {
  it('records a throwing reconcile as a Warning Event on the object and keeps every controller running', async () => {
    const failures: ControllerFailure[] = [];
    const c = await start(failures);
    c.sim.store.create(c.hpas, brokenHpa as unknown as KubeObject);
    createObject(c.sim.api.write, c.deployments, deployment, 'default', false);
    await advanceClock(c.clock, 30_000);

    const web = c.sim.store.get(c.deployments, 'default', 'web');
    expect((web.status as Json).availableReplicas).toBe(2);
    expect(failures.map((f) => [f.controller, f.object?.metadata.name])).toEqual([
      ['horizontal-pod-autoscaler', 'broken'],
    ]);
    expect(String(failures[0]!.error)).toContain("reading 'apiVersion'");
    const events = c.sim.store
      .list(c.events, { namespace: 'default' })
      .items.filter((e) => e.reason === 'ReconcileError');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'Warning',
      count: 1,
      involvedObject: { kind: 'HorizontalPodAutoscaler', name: 'broken' },
      source: { component: 'horizontal-pod-autoscaler' },
    });
    expect(events[0]!.message).toMatch(/^horizontal-pod-autoscaler cannot reconcile horizontalpodautoscaler broken: /);
    expect(c.sim.controllers!.failures).toHaveLength(1);
  });

  it('retries the object once its spec changes, and reconciles it when fixed', async () => {
    const failures: ControllerFailure[] = [];
    const c = await start(failures);
    createObject(c.sim.api.write, c.deployments, deployment, 'default', false);
    c.sim.store.create(c.hpas, brokenHpa as unknown as KubeObject);
    await advanceClock(c.clock, 5_000);
    expect(failures).toHaveLength(1);
    const stored = c.sim.store.get(c.hpas, 'default', 'broken');
    c.sim.store.update(c.hpas, {
      ...stored,
      metadata: { ...stored.metadata, resourceVersion: undefined },
      spec: {
        ...(stored.spec as Json),
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        ],
      },
    });
    await advanceClock(c.clock, 20_000);
    expect(failures).toHaveLength(1);
    const status = c.sim.store.get(c.hpas, 'default', 'broken').status as Json;
    expect(status.currentReplicas).toBe(2);
  });
});

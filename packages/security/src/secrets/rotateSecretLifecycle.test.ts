import { type KubeObject, ManualClock, planSecretValues } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { createOperations } from '@opspilot/ops';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSecretAges } from './secretAges.js';
import { secretRotation } from './secretRotation.js';

let sim: SimCluster;
let clock: ManualClock;
let t: TestStore;
let gateway: ReturnType<typeof createClusterGateway>;

const deployment = (name: string, secret: string): KubeObject =>
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
              env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: secret, key: 'password' } } }],
            },
          ],
        },
      },
    },
  }) as KubeObject;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  sim = await startSimCluster({ clock });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  t = await openTestStore('sqlite');
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  await gateway.apply({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop' },
    type: 'Opaque',
    data: { password: Buffer.from('old-password').toString('base64') },
  } as KubeObject);
  await gateway.apply(deployment('api', 'db'));
  await gateway.apply(deployment('other', 'unrelated'));
  await advanceClock(clock, 10_000);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await t?.cleanup();
});

describe('secret rotation through the operation lifecycle (simulated cluster)', () => {
  it('finds the overdue Secret, rotates it after approval, restarts its consumer only, never stores the value', async () => {
    const ages = await liveSecretAges(gateway, {
      now: new Date('2026-09-01T09:00:00Z'),
      maxAgeDays: 90,
      namespace: 'shop',
    });
    const db = ages.find((a) => a.name === 'db');
    expect(db).toMatchObject({ overdue: true, consumers: [{ kind: 'Deployment', name: 'api', namespace: 'shop' }] });
    const rotation = secretRotation(db!, {}, { now: clock.now(), random: () => 'n3w-generated-value' });
    const plan = {
      request: `rotate secret shop/db`,
      summary: rotation.summary,
      risk: 'write' as const,
      riskReasons: [],
      steps: rotation.steps,
      assumptions: [],
      rendered: { bash: '', powershell: '' },
      planner: 'security:rotate-secret',
    };
    const ops = createOperations({
      gateway,
      operations: t.store.operations,
      audit: t.store.audit,
      clock,
      diff: diffObjects,
      planner: async () => ({ kind: 'plan', plan, notices: [] }) as never,
      verifyTimeoutMs: 120_000,
      pollMs: 1000,
    });
    const proposed = await ops.propose(plan.request, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error(proposed.kind);
    expect(proposed.operation.state).toBe('NEEDS_REVIEW');
    const stored = await t.store.operations.get(proposed.operation.id);
    expect(JSON.stringify(proposed.operation)).not.toContain('n3w-generated-value');
    expect(planSecretValues(stored!.plan)).toContain('n3w-generated-value');
    const before = await gateway.get({ kind: 'Deployment', namespace: 'shop', name: 'other' });
    await ops.approve(proposed.operation.id, { user: 'bob' });
    const applying = ops.apply(proposed.operation.id, { user: 'bob' });
    await advanceClock(clock, 60_000);
    const applied = await applying;
    expect(applied.state).toBe('APPLIED');
    const secret = (await gateway.get({ kind: 'Secret', namespace: 'shop', name: 'db' })) as KubeObject & {
      data: Record<string, string>;
    };
    expect(Buffer.from(secret.data.password!, 'base64').toString()).toBe('n3w-generated-value');
    expect(secret.metadata.annotations?.['opspilot.dev/rotated-at']).toBeDefined();
    const api = (await gateway.get({ kind: 'Deployment', namespace: 'shop', name: 'api' })) as KubeObject & {
      spec: { template: { metadata: { annotations?: Record<string, string> } } };
    };
    expect(api.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
    const other = await gateway.get({ kind: 'Deployment', namespace: 'shop', name: 'other' });
    expect(other?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion);
    const entries = await t.store.audit.list({}, { page_size: 50 });
    expect(JSON.stringify(entries)).not.toContain('n3w-generated-value');
    const after = await liveSecretAges(gateway, { now: clock.now(), maxAgeDays: 90, namespace: 'shop' });
    expect(after.find((a) => a.name === 'db')?.overdue).toBe(false);
  }, 60_000);
});

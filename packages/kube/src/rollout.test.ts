import { InputError, NotFoundError, type ObjectRef } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, runFor, startGateway } from './__fixtures__/startGateway.js';
import { RESTARTED_AT } from './rolloutRestart.js';
import { REVISION } from './rolloutUndo.js';

let f: GatewayFixture;
const backend: ObjectRef = { kind: 'Deployment', name: 'backend', namespace: 'todo' };

beforeAll(async () => {
  f = await startGateway({ scenario: 'demo' }, 'todo');
  await runFor(f, 30_000);
});
afterAll(async () => f?.sim.stop());

const image = async (ref: ObjectRef) => {
  const d = (await f.gateway.get(ref)) as { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
  return d.spec.template.spec.containers[0]?.image;
};

describe('scale and rollout status', () => {
  it('scales through the scale subresource and reports progress until the rollout is done', async () => {
    expect((await f.gateway.rolloutStatus(backend)).done).toBe(true);
    const dry = await f.gateway.scale(backend, 4, { dryRun: true });
    expect((dry as { spec?: { replicas?: number } }).spec?.replicas).toBe(4);
    expect(((await f.gateway.get(backend)) as { spec: { replicas: number } }).spec.replicas).toBe(2);

    const scale = await f.gateway.scale(backend, 4);
    expect(scale.kind).toBe('Scale');
    expect((scale as { spec?: { replicas?: number } }).spec?.replicas).toBe(4);
    const waiting = await f.gateway.rolloutStatus(backend);
    expect(waiting.done).toBe(false);
    expect(waiting.desiredReplicas).toBe(4);
    expect(waiting.message).toMatch(/^Waiting for (deployment|deployment "backend" rollout to finish)/);

    await runFor(f, 30_000);
    const done = await f.gateway.rolloutStatus(backend);
    expect(done).toEqual({
      done: true,
      message: 'deployment "backend" successfully rolled out',
      updatedReplicas: 4,
      availableReplicas: 4,
      desiredReplicas: 4,
    });
  });

  it('refuses a negative replica count and a kind without rollouts', async () => {
    await expect(f.gateway.scale(backend, -1)).rejects.toBeInstanceOf(InputError);
    await expect(f.gateway.rolloutStatus({ kind: 'ConfigMap', name: 'todo-config' })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});

describe('rollout restart and undo', () => {
  it('restarts by stamping the pod template with the clock time', async () => {
    const restarted = await f.gateway.rolloutRestart({ kind: 'Deployment', name: 'backend' });
    const template = (restarted.spec as { template: { metadata: { annotations: Record<string, string> } } }).template;
    expect(template.metadata.annotations[RESTARTED_AT]).toBe(f.clock.now().toISOString().replace('.000Z', 'Z'));
    expect((await f.gateway.rolloutStatus(backend)).done).toBe(false);
    await runFor(f, 60_000);
    expect((await f.gateway.rolloutStatus(backend)).done).toBe(true);
  });

  it('undoes to the previous revision and to a given one, as kubectl does from ReplicaSet revisions', async () => {
    const original = await image(backend);
    await f.gateway.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'backend', namespace: 'todo' },
        spec: { template: { spec: { containers: [{ name: 'backend', image: 'todo/backend:1.1' }] } } },
      },
      { force: true },
    );
    await runFor(f, 60_000);
    expect(await image(backend)).toBe('todo/backend:1.1');
    const replicaSets = await f.gateway.list('ReplicaSet', { namespace: 'todo', labelSelector: 'app=backend' });
    const revisions = replicaSets.map((rs) => Number(rs.metadata.annotations?.[REVISION])).sort();
    expect(revisions).toEqual([1, 2, 3]);

    const dry = await f.gateway.rolloutUndo(backend, { dryRun: true });
    const dryTemplate = (dry.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template;
    expect(dryTemplate.metadata.annotations?.[RESTARTED_AT]).toBeDefined();
    expect(await image(backend)).toBe('todo/backend:1.1');

    await f.gateway.rolloutUndo(backend);
    await runFor(f, 60_000);
    expect(await image(backend)).toBe(original);
    expect((await f.gateway.rolloutStatus(backend)).done).toBe(true);

    await f.gateway.rolloutUndo(backend, { toRevision: 3 });
    await runFor(f, 60_000);
    expect(await image(backend)).toBe('todo/backend:1.1');

    const missing = await f.gateway.rolloutUndo(backend, { toRevision: 42 }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe('unable to find specified revision 42 in history');
  });
});

import {
  ConflictError,
  DisruptionBudgetError,
  InputError,
  type KubeObject,
  NotAllowedError,
  NotFoundError,
} from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, runFor, startGateway } from './__fixtures__/startGateway.js';

let f: GatewayFixture;

const deployment = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'todo' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }],
      },
    },
  },
});
const budget = (name: string, app: string, minAvailable: number | string): KubeObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name, namespace: 'todo' },
  spec: { minAvailable, selector: { matchLabels: { app } } },
});
const podsOf = async (app: string) =>
  (await f.gateway.list('Pod', { namespace: 'todo', labelSelector: `app=${app}` })).filter(
    (p) => !p.metadata.deletionTimestamp,
  );

const isReady = (pod: KubeObject) =>
  ((pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

beforeAll(async () => {
  f = await startGateway({ scenario: 'demo' }, 'todo');
  await f.gateway.apply(deployment('api', 2));
  await f.gateway.apply(budget('api-pdb', 'api', 1));
  await f.gateway.apply(deployment('solo', 1));
  await f.gateway.apply(budget('solo-pdb', 'solo', 1));
  await runFor(f, 30_000);
});
afterAll(async () => f?.sim.stop());

describe('evict over HTTPS', () => {
  it('posts a policy/v1 Eviction to the eviction subresource of the pod, which deletes it', async () => {
    expect(f.sim.url.startsWith('https://')).toBe(true);
    const [pod] = await podsOf('api');
    const before = f.sim.api.requests.list().length;
    await f.gateway.evict({ kind: 'Pod', name: pod!.metadata.name, namespace: 'todo' }, { uid: pod!.metadata.uid });
    const sent = f.sim.api.requests.list().slice(before);
    expect(sent).toMatchObject([
      { method: 'POST', path: `/api/v1/namespaces/todo/pods/${pod!.metadata.name}/eviction`, code: 201 },
    ]);
    const left = await f.gateway.get({ kind: 'Pod', name: pod!.metadata.name, namespace: 'todo' });
    expect(left === undefined || left.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  it('refuses with a DisruptionBudgetError naming the budget while the budget allows no disruption', async () => {
    // One of two api pods is gone and its replacement is not Ready yet: minAvailable 1 allows nothing more.
    const pods = await podsOf('api');
    const other = pods.find(isReady);
    expect(pods.filter(isReady)).toHaveLength(1);
    const refusal = await f.gateway
      .evict({ kind: 'Pod', name: other!.metadata.name, namespace: 'todo' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DisruptionBudgetError);
    expect(refusal).toBeInstanceOf(NotAllowedError);
    const error = refusal as DisruptionBudgetError;
    expect(error.budgets).toEqual(['api-pdb']);
    expect(error.message).toBe(
      `cannot evict pod todo/${other!.metadata.name}: The disruption budget api-pdb needs 1 healthy pods and has 1 currently`,
    );
    expect(error.hint).toMatch(/PodDisruptionBudget api-pdb allows no disruption.*kubectl get pdb api-pdb -n todo/);
    expect(await f.gateway.get({ kind: 'Pod', name: other!.metadata.name, namespace: 'todo' })).toBeDefined();

    // Once the replacement is Ready the same eviction passes.
    await runFor(f, 20_000);
    await f.gateway.evict({ kind: 'Pod', name: other!.metadata.name, namespace: 'todo' });
  });

  it('dry-runs an eviction without deleting, and still checks the budget', async () => {
    const [solo] = await podsOf('solo');
    const ref = { kind: 'Pod', name: solo!.metadata.name, namespace: 'todo' };
    await expect(f.gateway.evict(ref, { dryRun: true })).rejects.toBeInstanceOf(DisruptionBudgetError);
    await f.gateway.apply(budget('solo-pdb', 'solo', 0));
    const before = f.sim.api.requests.list().length;
    await f.gateway.evict(ref, { dryRun: true });
    expect(f.sim.api.requests.list().slice(before)[0]?.path).toMatch(/\/eviction\?dryRun=All$/);
    expect((await f.gateway.get(ref))?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('answers NotFoundError for a missing pod, ConflictError for a stale uid, InputError for another kind', async () => {
    await expect(f.gateway.evict({ kind: 'Pod', name: 'no-such-pod', namespace: 'todo' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [solo] = await podsOf('solo');
    await expect(
      f.gateway.evict({ kind: 'Pod', name: solo!.metadata.name, namespace: 'todo' }, { uid: 'not-its-uid' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(f.gateway.evict({ kind: 'Deployment', name: 'solo', namespace: 'todo' })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiRequest } from '../testing/apiRequest.js';
import { deploymentOf, type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

const budget = (name: string, spec: Json) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name, namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
});

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('disruption controller', () => {
  it('counts the selected pods and the disruptions each budget allows', async () => {
    h.create(deploymentOf('web', 3));
    h.create(budget('all', { minAvailable: 3 }));
    h.create(budget('one-down', { maxUnavailable: 1 }));
    h.create(budget('half', { minAvailable: '50%' }));
    await h.advance(30_000);
    const status = (name: string) => h.get('PodDisruptionBudget', name)!.status as Json;
    expect(status('all')).toMatchObject({
      expectedPods: 3,
      currentHealthy: 3,
      desiredHealthy: 3,
      disruptionsAllowed: 0,
    });
    expect((status('all').conditions as Json[])[0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'False',
      reason: 'InsufficientPods',
    });
    expect(status('one-down')).toMatchObject({ desiredHealthy: 2, disruptionsAllowed: 1 });
    expect(status('half')).toMatchObject({ desiredHealthy: 2, disruptionsAllowed: 1 });
    expect((status('half').conditions as Json[])[0]).toMatchObject({ status: 'True', reason: 'SufficientPods' });
  });

  it('charges each eviction to the budget, so a drain right after one is refused until the pod is replaced', async () => {
    h.create(deploymentOf('web', 3));
    h.create(budget('one-down', { maxUnavailable: 1 }));
    await h.advance(30_000);
    const [first, second] = h.list('Pod').map((p) => p.metadata.name);
    const evict = (name: string) =>
      apiRequest(h.sim, `/api/v1/namespaces/default/pods/${name}/eviction`, {
        method: 'POST',
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } },
      });
    // Both requests reach the API server before any controller runs: the second sees the first one charged.
    const [a, b] = await Promise.all([evict(first!), evict(second!)]);
    expect([a.code, b.code].sort()).toEqual([201, 429]);
    const refused = (a.code === 429 ? a : b).json as Json;
    // Charged but not yet recounted (3 healthy, none allowed), or recounted (the replacement not Ready yet).
    expect((refused.details as Json).causes).toEqual([
      {
        reason: 'DisruptionBudget',
        message: expect.stringMatching(
          /^The disruption budget one-down (does not allow evicting pods currently|needs 2 healthy pods and has 2 currently)$/,
        ),
      },
    ]);
    await h.advance(30_000);
    expect(h.get('PodDisruptionBudget', 'one-down')!.status).toMatchObject({
      currentHealthy: 3,
      disruptionsAllowed: 1,
    });
    expect((h.get('PodDisruptionBudget', 'one-down')!.status as Json).disruptedPods).toBeUndefined();
    expect((await evict(h.list('Pod')[0]!.metadata.name)).code).toBe(201);
  });
});

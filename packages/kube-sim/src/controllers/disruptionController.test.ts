import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

const deployment = (name: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
  },
});
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
    h.create(deployment('web', 3));
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
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

const template = {
  metadata: { labels: { app: 'x' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
};

it('gives a DaemonSet and a StatefulSet of the same name and template a revision each (a collision count)', async () => {
  h.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'x', namespace: 'default' },
    spec: { replicas: 1, serviceName: 'x', selector: { matchLabels: { app: 'x' } }, template },
  });
  h.create({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'x', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'x' } }, template },
  });
  await h.advance(5_000);
  expect(h.events('ReconcileError')).toEqual([]);
  const owners = h
    .list('ControllerRevision')
    .map((r) => (r.metadata.ownerReferences as Json[] | undefined)?.[0]?.kind)
    .sort();
  expect(owners).toEqual(['DaemonSet', 'StatefulSet']);
  expect(new Set(h.list('ControllerRevision').map((r) => r.metadata.name)).size).toBe(2);
});

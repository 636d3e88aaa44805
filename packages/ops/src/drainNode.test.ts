import type { KubeObject } from '@opspilot/core';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { opsHarness, planOf } from './__fixtures__/opsHarness.js';
import { MIRROR_ANNOTATION } from './drainPods.js';

// Drains through the whole lifecycle against the simulated cluster, whose API server refuses evictions a
// PodDisruptionBudget forbids (429) and whose controllers re-create evicted pods on the nodes still schedulable.
let h: Awaited<ReturnType<typeof opsHarness>>;
type Json = Record<string, unknown>;

const web = (name: string, replicas: number, options: { nodeSelector?: Record<string, string> } = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'todo' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        ...(options.nodeSelector ? { nodeSelector: options.nodeSelector } : {}),
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            readinessProbe: { httpGet: { path: '/', port: 80 } },
          },
        ],
      },
    },
  },
});
const budget = (name: string, app: string, minAvailable: number): KubeObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name, namespace: 'todo' },
  spec: { minAvailable, selector: { matchLabels: { app } } },
});

const ready = (pod: KubeObject) =>
  (((pod.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );
const live = async (app: string) =>
  (await h.gateway.list('Pod', { namespace: 'todo', labelSelector: `app=${app}` })).filter(
    (p) => !p.metadata.deletionTimestamp,
  );
const nodeOf = (pod: KubeObject) => (pod.spec as { nodeName?: string }).nodeName;
const unschedulable = async (node: string) =>
  Boolean(((await h.gateway.get({ kind: 'Node', name: node }))?.spec as Json | undefined)?.unschedulable);
const setUnschedulable = (node: string, value: boolean) =>
  h.gateway.patch({ kind: 'Node', name: node }, { spec: { unschedulable: value } });

/** Proposes a drain of `node` (a plan the test planner answers with). */
async function propose(node: string) {
  const request = `drain ${node}`;
  h.plans.set(
    request,
    planOf(request, [
      {
        op: 'drain',
        target: { kind: 'Node', name: node },
        ignoreDaemonSets: true,
        deleteEmptyDirData: true,
        description: `drain node ${node}`,
      },
    ]),
  );
  const proposed = await h.ops.propose(request, { user: 'alice' });
  if (proposed.kind !== 'operation') throw new Error('expected an operation');
  return proposed.operation;
}

const refusedEviction = (r: { path: string; code: number }) => r.path.endsWith('/eviction') && r.code === 429;

/**
 * Proposes a drain of `node`, approves it with the typed confirmation and applies it while the clock runs. With
 * `refusedFirst`, the clock stands still until the API server has refused an eviction: no replacement pod can start
 * before that, so the refusal (and the retry after it) does not depend on how fast this machine is.
 */
async function drain(node: string, options: { refusedFirst?: boolean } = {}) {
  const operation = await propose(node);
  expect(operation).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'destructive', problems: [] });
  await h.ops.approve(operation.id, { user: 'bob', confirmations: operation.confirmations });
  const since = h.sim.api.requests.list().length;
  const applying = h.ops.apply(operation.id, { user: 'bob' });
  if (options.refusedFirst) {
    await vi.waitFor(() => expect(h.sim.api.requests.list().slice(since).some(refusedEviction)).toBe(true), {
      timeout: 10_000,
    });
  }
  const applied = await h.whileRunning(applying);
  return { applied, requests: h.sim.api.requests.list().slice(since) };
}

beforeAll(async () => {
  h = await opsHarness({
    extra: [
      web('pinned', 2, { nodeSelector: { 'kubernetes.io/hostname': 'sim-worker-1' } }),
      budget('pinned-pdb', 'pinned', 1),
    ],
  });
  await advanceClock(h.clock, 15_000);
});
afterAll(() => h?.stop());

describe('drain through the Eviction API', () => {
  it('fails part-way when a minAvailable budget will not let a pod go, naming it, and uncordons the node', async () => {
    const before = await live('pinned');
    expect(before.filter(ready).map(nodeOf)).toEqual(['sim-worker-1', 'sim-worker-1']);
    const { applied, requests } = await drain('sim-worker-1');

    expect(applied.state).toBe('FAILED');
    // One pinned pod went (the budget allowed one disruption); its replacement can only run on the cordoned node,
    // so the second stays refused until the 60 s deadline.
    expect(applied.result).toMatch(
      /^drain node sim-worker-1: FAILED: drain of node sim-worker-1 stopped after 60s: 1 pod\(s\) left that a disruption budget will not let go: todo\/pinned-\S+ \(The disruption budget pinned-pdb needs 1 healthy pods and has 1 currently\); \d+ of \d+ pod\(s\) evicted\. Scale up the workload behind PodDisruptionBudget todo\/pinned-pdb .*kubectl get pdb pinned-pdb -n todo/m,
    );
    expect(applied.result).toMatch(
      /step 1 rolled back: uncordon node sim-worker-1; evicted pods are not restored: their controllers re-create them/,
    );
    expect(applied.steps).toEqual([
      expect.objectContaining({ status: 'rolled_back', message: expect.stringMatching(/^uncordon node sim-worker-1/) }),
    ]);
    expect(await unschedulable('sim-worker-1')).toBe(false);

    // Pods were evicted, never deleted; refusals were retried on the clock.
    expect(requests.some((r) => r.method === 'DELETE' && r.path.includes('/pods/'))).toBe(false);
    expect(requests.filter(refusedEviction).length).toBeGreaterThan(10);

    // The refused pod is still the one it was; the evicted one is replaced on the uncordoned node; the workloads
    // that lost pods to the drain run again elsewhere.
    await advanceClock(h.clock, 20_000);
    const after = await live('pinned');
    const kept = after.filter((p) => before.some((b) => b.metadata.uid === p.metadata.uid));
    expect(kept).toHaveLength(1);
    expect(applied.result).toContain(`todo/${kept[0]!.metadata.name} `);
    expect(after.filter(ready).map(nodeOf)).toEqual(['sim-worker-1', 'sim-worker-1']);
    for (const name of ['backend', 'frontend']) {
      expect((await h.gateway.rolloutStatus({ kind: 'Deployment', name, namespace: 'todo' })).done).toBe(true);
    }
  });

  it('drains when the budget allows it once replacements are Ready elsewhere, leaving mirror pods', async () => {
    // Both pods of `spread` on sim-worker-2, one disruption allowed: the second eviction waits for the first pod's
    // replacement to be Ready on sim-worker-1.
    await setUnschedulable('sim-worker-1', true);
    await h.gateway.apply(web('spread', 2));
    await h.gateway.apply(budget('spread-pdb', 'spread', 1));
    await advanceClock(h.clock, 40_000);
    await setUnschedulable('sim-worker-1', false);
    const node = await h.gateway.get({ kind: 'Node', name: 'sim-worker-2' });
    await h.gateway.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'static-web-sim-worker-2',
        namespace: 'kube-system',
        annotations: { [MIRROR_ANNOTATION]: 'static-web' },
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Node', name: 'sim-worker-2', uid: node!.metadata.uid!, controller: true },
        ],
      },
      spec: { nodeName: 'sim-worker-2', containers: [{ name: 'web', image: 'nginx:1.27' }] },
    });
    await advanceClock(h.clock, 5_000);
    expect((await live('spread')).filter(ready).map(nodeOf)).toEqual(['sim-worker-2', 'sim-worker-2']);

    const { applied, requests } = await drain('sim-worker-2', { refusedFirst: true });

    expect(applied.state).toBe('APPLIED');
    expect(applied.steps).toEqual([
      expect.objectContaining({
        status: 'applied',
        message: '0 pod(s) left on node sim-worker-2; 1 DaemonSet or mirror pod(s) stay',
      }),
    ]);
    expect(await unschedulable('sim-worker-2')).toBe(true);
    const evictions = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/eviction'));
    expect(evictions.some(refusedEviction)).toBe(true);
    expect(evictions.every((r) => r.code === 201 || r.code === 429)).toBe(true);
    expect(requests.some((r) => r.method === 'DELETE' && r.path.includes('/pods/'))).toBe(false);

    await advanceClock(h.clock, 30_000);
    const onWorker2 = await h.gateway.list('Pod', { fieldSelector: 'spec.nodeName=sim-worker-2' });
    expect(onWorker2.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toEqual([
      'static-web-sim-worker-2',
    ]);
    expect((await live('spread')).filter(ready).map(nodeOf)).toEqual(['sim-worker-1', 'sim-worker-1']);
  });

  it('is INVALID at review, changing nothing, for a pod without a controller or a budget allowing no disruption', async () => {
    await h.gateway.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'todo' },
      spec: { nodeName: 'sim-worker-1', containers: [{ name: 'sh', image: 'nginx:1.27' }] },
    });
    const bare = await propose('sim-worker-1');
    expect(bare.state).toBe('INVALID');
    expect(bare.problems).toEqual([
      expect.stringMatching(
        /^step 1 \(drain node sim-worker-1\): cannot drain node sim-worker-1: pod\/todo\/debug declares no controller/,
      ),
    ]);
    await h.gateway.delete({ kind: 'Pod', name: 'debug', namespace: 'todo' });

    // `spread` now runs on sim-worker-1 only; a budget wanting both Ready lets neither go.
    await h.gateway.apply(budget('spread-pdb', 'spread', 2));
    await advanceClock(h.clock, 2_000);
    const guarded = await propose('sim-worker-1');
    expect(guarded.state).toBe('INVALID');
    expect(guarded.problems).toEqual([
      expect.stringMatching(
        /^step 1 \(drain node sim-worker-1\): drain of node sim-worker-1 refused: 2 pod\(s\) left that a disruption budget will not let go: todo\/spread-\S+, todo\/spread-\S+ \(The disruption budget spread-pdb needs 2 healthy pods and has 2 currently\)\. Scale up/,
      ),
    ]);
    expect(await unschedulable('sim-worker-1')).toBe(false);
    expect((await live('spread')).filter(ready).map(nodeOf)).toEqual(['sim-worker-1', 'sim-worker-1']);
  });
});

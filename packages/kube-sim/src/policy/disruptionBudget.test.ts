import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { budgetCounts, evictionVerdict } from './disruptionBudget.js';

type Json = Record<string, unknown>;
const NOW = Date.parse('2026-01-01T00:10:00Z');

const pod = (name: string, ready: boolean, extra: { phase?: string; deleting?: boolean; labels?: Json } = {}) =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: extra.labels ?? { app: 'web' },
      ...(extra.deleting ? { deletionTimestamp: '2026-01-01T00:09:00Z' } : {}),
    },
    status: {
      phase: extra.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  }) as KubeObject;
const budget = (name: string, spec: Json, status?: Json, generation = 1) =>
  ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'default', generation },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
    ...(status ? { status } : {}),
  }) as KubeObject;

describe('budgetCounts (the disruption controller)', () => {
  it('counts unfinished selected pods, Ready ones not being deleted as healthy, and rounds percentages up', () => {
    const pods = [
      pod('a', true),
      pod('b', true),
      pod('c', false),
      pod('done', false, { phase: 'Succeeded' }),
      pod('going', true, { deleting: true }),
      pod('other', true, { labels: { app: 'db' } }),
    ];
    expect(budgetCounts(budget('min', { minAvailable: 2 }), pods, NOW)).toEqual({
      expectedPods: 4,
      currentHealthy: 2,
      desiredHealthy: 2,
      disruptionsAllowed: 0,
      disruptedPods: {},
    });
    expect(budgetCounts(budget('pct', { minAvailable: '30%' }), pods, NOW)).toMatchObject({
      desiredHealthy: 2,
      disruptionsAllowed: 0,
    });
    expect(budgetCounts(budget('max', { maxUnavailable: '25%' }), pods, NOW)).toMatchObject({
      desiredHealthy: 3,
      disruptionsAllowed: 0,
    });
    expect(budgetCounts(budget('none', { maxUnavailable: 1 }), [], NOW)).toMatchObject({
      expectedPods: 0,
      disruptionsAllowed: 0,
    });
  });

  it('keeps a granted eviction out of currentHealthy for two minutes, and drops it after', () => {
    const pods = [pod('a', true), pod('b', true), pod('c', true)];
    const charged = budget('one', { maxUnavailable: 1 }, { disruptedPods: { a: '2026-01-01T00:09:30Z' } });
    expect(budgetCounts(charged, pods, NOW)).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 0,
      disruptedPods: { a: '2026-01-01T00:09:30Z' },
    });
    expect(budgetCounts(charged, pods, NOW + 120_000)).toMatchObject({
      currentHealthy: 3,
      disruptionsAllowed: 1,
      disruptedPods: {},
    });
  });
});

describe('evictionVerdict (the eviction API)', () => {
  const synced = (status: Json) => ({ observedGeneration: 1, ...status });
  const at = '2026-01-01T00:10:00Z';

  it('reads the status the controller wrote and charges the eviction to it', () => {
    const open = budget(
      'web',
      { maxUnavailable: 1 },
      synced({ disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 }),
    );
    const verdict = evictionVerdict(pod('a', true), [open], at);
    expect(verdict.allowed).toBe(true);
    const status = (verdict as { budget: KubeObject }).budget.status as Json;
    expect(status).toMatchObject({ disruptionsAllowed: 0, disruptedPods: { a: at } });
    expect((status.conditions as Json[])[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'False' });
    // The status is trusted, not recounted: the same pods with a spent budget are refused.
    const spent = budget(
      'web',
      { maxUnavailable: 1 },
      synced({ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 }),
    );
    expect(evictionVerdict(pod('b', true), [spent], at)).toEqual({
      allowed: false,
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      cause: 'The disruption budget web needs 2 healthy pods and has 2 currently',
    });
  });

  it('waits for a status older than the budget, and refuses a pod two budgets select', () => {
    const stale = budget('web', { minAvailable: 1 }, synced({ disruptionsAllowed: 1 }), 2);
    expect(evictionVerdict(pod('a', true), [stale], at)).toMatchObject({
      code: 429,
      cause: 'The disruption budget web is still being processed by the server.',
    });
    const other = budget('also', { minAvailable: 1 }, synced({ disruptionsAllowed: 1 }));
    const fresh = budget('web', { minAvailable: 1 }, synced({ disruptionsAllowed: 1 }));
    expect(evictionVerdict(pod('a', true), [fresh, other], at)).toMatchObject({ allowed: false, code: 500 });
  });

  it('lets Pending, finished and unhealthy pods go when the budget allows it', () => {
    const spent = budget(
      'web',
      { minAvailable: 2 },
      synced({ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 }),
    );
    expect(evictionVerdict(pod('p', false, { phase: 'Pending' }), [spent], at)).toEqual({ allowed: true });
    expect(evictionVerdict(pod('f', false, { phase: 'Failed' }), [spent], at)).toEqual({ allowed: true });
    // Unready, the budget met: it goes without being charged.
    expect(evictionVerdict(pod('u', false), [spent], at)).toEqual({ allowed: true });
    // Unready, the budget short: refused, unless the budget always allows unhealthy pods to go.
    const short = budget(
      'web',
      { minAvailable: 2 },
      synced({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 }),
    );
    expect(evictionVerdict(pod('u', false), [short], at)).toMatchObject({ allowed: false, code: 429 });
    const always = budget(
      'web',
      { minAvailable: 2, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
      synced({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 }),
    );
    expect(evictionVerdict(pod('u', false), [always], at)).toEqual({ allowed: true });
    expect(evictionVerdict(pod('a', true), [], at)).toEqual({ allowed: true });
  });
});

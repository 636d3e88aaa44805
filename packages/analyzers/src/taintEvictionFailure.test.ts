import { type KubeObject, ManualClock } from '@opspilot/core';
import { createObject, type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, apiRequest } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simSnapshot } from './__fixtures__/simSnapshot.js';
import { analyzeSnapshot } from './analyzeSnapshot.js';

type Json = Record<string, unknown>;

// A planted failure made by the simulated cluster's controllers, not by hand-set statuses: both workers are tainted
// maintenance=true:NoExecute (as `kubectl taint nodes … maintenance=true:NoExecute` does), the taint eviction
// controller evicts the Deployment's pods, and their replacements find no node that takes them.
let sim: SimCluster;
let clock: ManualClock;
const NS = 'maint';
const TAINT = { key: 'maintenance', value: 'true', effect: 'NoExecute' };

const KINDS: [string, string][] = [
  ['v1', 'Pod'],
  ['v1', 'Event'],
  ['v1', 'Node'],
  ['v1', 'Namespace'],
  ['v1', 'Service'],
  ['v1', 'Endpoints'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
];
const snapshot = () => simSnapshot(sim, KINDS);
const analyze = () => analyzeSnapshot(snapshot(), { now: sim.clock.now(), namespace: NS }).report;
const pods = () =>
  sim.store.list(sim.api.registry.byKind('v1', 'Pod')!, { namespace: NS }).items as unknown as KubeObject[];

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, tls: false });
  const create = (o: Json) =>
    createObject(
      sim.api.write,
      sim.api.registry.byKind(String(o.apiVersion), String(o.kind))!,
      o,
      (o.metadata as { namespace?: string }).namespace,
      false,
    );
  create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: NS },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'nginx:1.27' }] } },
    },
  });
  await advanceClock(clock, 30_000, 5_000);
  for (const node of ['sim-worker-1', 'sim-worker-2']) {
    const res = await apiRequest(sim, `/api/v1/nodes/${node}`, {
      method: 'PATCH',
      body: { spec: { taints: [TAINT] } },
      contentType: 'application/merge-patch+json',
    });
    expect(res.code, res.text).toBe(200);
  }
  await advanceClock(clock, 10 * 60_000, 5_000);
}, 180_000);
afterAll(async () => sim?.stop());

describe('a node tainted NoExecute that the workload does not tolerate', () => {
  it('evicts the pods, and the analysis names the taint, its nodes and the fix', async () => {
    const evictions = sim.store
      .list(sim.api.registry.byKind('v1', 'Event')!, { namespace: NS })
      .items.filter((e) => e.reason === 'TaintManagerEviction');
    // Two pods, plus any replacement placed on the second worker before it was tainted too.
    expect(evictions.length).toBeGreaterThanOrEqual(2);
    for (const e of evictions) expect(e.message).toMatch(/^Marking for deletion Pod maint\/api-/);
    expect(pods().every((p) => (p.status as Json).phase === 'Pending')).toBe(true);

    const report = analyze();
    const problem = report.problems.find((p) => p.root_object?.name === 'api');
    expect(problem, JSON.stringify(report.problems.map((p) => p.identity))).toBeDefined();
    const cause = problem!.root_cause;
    expect(cause.message).toContain('untolerated taint {maintenance: true}');
    const fix = cause.proposedFix!;
    expect(fix.description).toContain('Nodes sim-worker-1, sim-worker-2 carry the taint maintenance=true:NoExecute');
    expect(fix.description).toContain(
      'kubectl taint nodes sim-worker-1 maintenance=true:NoExecute- && kubectl taint nodes sim-worker-2 maintenance=true:NoExecute-',
    );
    expect(fix.patch).toEqual({
      type: 'strategic',
      body: {
        spec: {
          template: {
            spec: { tolerations: [{ key: 'maintenance', operator: 'Equal', value: 'true', effect: 'NoExecute' }] },
          },
        },
      },
    });
    expect(fix.command).toContain('kubectl patch deployment/api -n maint --type strategic');

    // The proposed patch, applied as `kubectl patch` would, brings the workload back on the tainted nodes.
    const res = await apiRequest(sim, `/apis/apps/v1/namespaces/${NS}/deployments/api`, {
      method: 'PATCH',
      body: fix.patch!.body,
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(res.code, res.text).toBe(200);
    await advanceClock(clock, 2 * 60_000, 5_000);
    const running = pods().filter((p) => (p.status as Json).phase === 'Running');
    expect(running).toHaveLength(2);
    expect(analyze().problems.map((p) => `${p.identity}: ${p.root_cause.message}`)).toEqual([]);
  }, 120_000);
});

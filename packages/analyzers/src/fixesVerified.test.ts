import { ManualClock } from '@opspilot/core';
import { createObject, type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, apiRequest } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simSnapshot } from './__fixtures__/simSnapshot.js';
import { analyzeSnapshot } from './analyzeSnapshot.js';

type Json = Record<string, unknown>;

// Failures the simulated kubelet and controllers produce from the specs alone; each proposed fix is applied through
// the API server as `kubectl patch` would, the cluster runs on, and the analysis must no longer report the cause.
let sim: SimCluster;
const NS = 'fixes';

const deployment = (name: string, container: Json, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: NS },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...container }] },
    },
  },
});
const service = (name: string, app: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: NS },
  spec: { selector: { app }, ports: [{ port: 80, targetPort: 80 }] },
});

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
  // Readiness probe on a path nginx does not serve: 404.
  deployment('unready', { readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 } }),
  // Liveness probe on a port the container does not declare: connection refused, killed again and again.
  deployment('killed', { livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 } }),
  // Scaled to zero behind its Service.
  deployment('idle', {}, 0),
  service('idle', 'idle'),
  // A Service whose selector has a typo of the pods' label.
  deployment('orders', {}),
  service('orders', 'ordres'),
];

const KINDS: [string, string][] = [
  ['v1', 'Pod'],
  ['v1', 'Event'],
  ['v1', 'Service'],
  ['v1', 'Endpoints'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Node'],
  ['v1', 'Namespace'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
];

const snapshot = () => simSnapshot(sim, KINDS);

const analyze = () => analyzeSnapshot(snapshot(), { now: sim.clock.now(), namespace: NS }).report;

const CONTENT = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
} as const;

function pathOf(kind: string, name: string): string {
  return kind === 'Service'
    ? `/api/v1/namespaces/${NS}/services/${name}`
    : `/apis/apps/v1/namespaces/${NS}/${kind.toLowerCase()}s/${name}`;
}

let clock: ManualClock;
beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, tls: false });
  for (const o of objects) {
    const namespace = (o.metadata as { namespace?: string }).namespace;
    createObject(sim.api.write, sim.api.registry.byKind(o.apiVersion, o.kind)!, o, namespace, false);
  }
  await advanceClock(clock, 5 * 60_000, 5_000);
}, 180_000);
afterAll(async () => sim?.stop());

describe('proposed fixes applied to the simulated cluster', () => {
  it('reports each failure, applies its fix, and the cause is gone once the cluster has settled', async () => {
    const before = analyze();
    const wanted = [
      'pod-readiness-probe:deployment/fixes/unready',
      'pod-liveness-probe:deployment/fixes/killed',
      'workload-scaled-to-zero:deployment/fixes/idle',
      'service-selector-no-match:service/fixes/orders',
    ];
    const problems = wanted.map((id) => before.problems.find((p) => p.identity === id));
    expect(problems.map((p) => p?.identity)).toEqual(wanted);
    for (const p of problems) {
      const fix = p!.root_cause.proposedFix;
      expect(fix?.patch, p!.identity).toBeDefined();
      const target = p!.root_object!;
      const res = await apiRequest(sim, pathOf(target.kind, target.name), {
        method: 'PATCH',
        body: fix!.patch!.body,
        contentType: CONTENT[fix!.patch!.type],
      });
      expect(res.code, `${p!.identity}: ${res.text}`).toBe(200);
    }
    await advanceClock(clock, 5 * 60_000, 5_000);
    const after = analyze();
    expect(after.problems.map((p) => p.identity).filter((id) => wanted.includes(id ?? ''))).toEqual([]);
    expect(after.problems.map((p) => `${p.identity}: ${p.root_cause.message}`)).toEqual([]);
  }, 240_000);
});

import { type ClusterSnapshot, type KubeObject, ManualClock } from '@opspilot/core';
import { createObject, type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configMapMissing } from './analyzers/configMapMissing.js';
import { podContainerConfig } from './analyzers/podContainerConfig.js';
import { podCrashLoop } from './analyzers/podCrashLoop.js';
import { podLivenessProbe } from './analyzers/podLivenessProbe.js';
import { podReadinessProbe } from './analyzers/podReadinessProbe.js';

type Json = Record<string, unknown>;

// The failures are made by the simulated kubelet from the workloads' specs (no hand-set statuses): a probe on a path
// nginx does not serve, a liveness probe on a port nothing listens on, a command the image cannot run, an env key a
// Secret lacks and a ConfigMap volume that does not exist.
let sim: SimCluster;
const NS = 'failing';

const deployment = (name: string, container: Json, pod: Json = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: NS },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...container }], ...pod },
    },
  },
});

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: NS }, stringData: { user: 'app' } },
  deployment('unready', { readinessProbe: { httpGet: { path: '/ready', port: 80 } } }),
  deployment('hanging', { livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } }),
  deployment('crasher', { command: ['python3', '-c', 'import sys; sys.exit(1)'] }),
  deployment('nokey', {
    env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
  }),
  deployment(
    'nomount',
    { volumeMounts: [{ name: 'config', mountPath: '/etc/app' }] },
    { volumes: [{ name: 'config', configMap: { name: 'app-config' } }] },
  ),
];

function snapshot(): ClusterSnapshot {
  const byKind: Record<string, KubeObject[]> = {};
  const kinds = { Pod: 'v1', Event: 'v1', ConfigMap: 'v1', Secret: 'v1', Deployment: 'apps/v1', ReplicaSet: 'apps/v1' };
  for (const [kind, apiVersion] of Object.entries(kinds))
    byKind[kind] = sim.store.list(sim.api.registry.byKind(apiVersion, kind)!, {}).items as unknown as KubeObject[];
  return { cluster: 'sim', takenAt: sim.clock.now().toISOString(), objects: byKind, errors: [] };
}

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, tls: false });
  for (const o of objects) {
    createObject(sim.api.write, sim.api.registry.byKind(o.apiVersion, o.kind)!, o, o.metadata.namespace, false);
  }
  await advanceClock(clock, 5 * 60_000, 5_000);
}, 60_000);
afterAll(async () => sim?.stop());

const analyze = (analyzer: { analyze: (s: ClusterSnapshot, c: { now: Date }) => { message: string }[] }) =>
  analyzer.analyze(snapshot(), { now: sim.clock.now() }).map((f) => f.message);

describe('analyzers on failures the simulated kubelet produces', () => {
  it('finds the readiness probe nginx answers with 404', () => {
    expect(analyze(podReadinessProbe)).toEqual([
      expect.stringMatching(
        /^Container app of pod failing\/unready-\S+ is running but not ready: its readiness probe \(HTTP GET \/ready on port 80\) fails/,
      ),
    ]);
  });

  it('finds the container killed by a liveness probe on a port nothing listens on', () => {
    expect(analyze(podLivenessProbe)).toEqual([
      expect.stringMatching(/^Container app of pod failing\/hanging-\S+ is killed by its failing liveness probe/),
    ]);
  });

  it('finds the crash loop of a command the image cannot run', () => {
    expect(analyze(podCrashLoop)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Container app of pod failing\/crasher-\S+ is crash-looping/)]),
    );
  });

  it('finds the missing Secret key and the missing ConfigMap behind containers that cannot start', () => {
    expect(analyze(podContainerConfig)).toEqual([
      expect.stringMatching(
        /^Container app of pod failing\/nokey-\S+ cannot start \(CreateContainerConfigError\): couldn't find key password in Secret failing\/db$/,
      ),
    ]);
    expect(analyze(configMapMissing)).toEqual([
      expect.stringMatching(
        /references ConfigMap app-config \(.*\), which does not exist: its containers cannot start$/,
      ),
    ]);
  });
});

// Benchmarks of @opspilot/kube against the simulated cluster (run on demand: `npx tsx bench/kubeGateway.ts`):
// prints figures, asserts nothing.
// 1. snapshot of the default kind set over a cluster with 5,000 pods and 2,000 ConfigMaps (goal <= 3 s over HTTPS)
// 2. list of 5,000 pods, paged by 500 (one kind, many pages)   3. server-side apply dry-run + diff round trips per second
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { startSimCluster } from '@opspilot/kube-sim';

const sim = await startSimCluster({ controllers: false, scenario: 'demo' });
const podType = sim.api.registry.find('', 'v1', 'pods')!;
const nsType = sim.api.registry.find('', 'v1', 'namespaces')!;
const cmType = sim.api.registry.find('', 'v1', 'configmaps')!;
for (let n = 0; n < 20; n++)
  sim.store.create(nsType, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } });
for (let i = 0; i < 5_000; i++) {
  sim.store.create(podType, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: `ns-${i % 20}`, labels: { app: `app-${i % 100}` } },
    spec: { nodeName: 'sim-worker-1', containers: [{ name: 'app', image: 'nginx:1.27' }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }],
    },
  });
}
for (let i = 0; i < 2_000; i++) {
  sim.store.create(cmType, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: `ns-${i % 20}` },
    data: { key: 'x'.repeat(200) },
  });
}
const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
};

await gateway.snapshot({ kinds: ['Pod'] }); // warm up TLS and the JIT
const runs: number[] = [];
let objects = 0;
for (let r = 0; r < 3; r++) {
  const [snapshot, ms] = await time(() => gateway.snapshot());
  runs.push(ms);
  objects = Object.values(snapshot.objects).reduce((n, list) => n + list.length, 0);
}
console.log(
  `snapshot (default kinds, ${objects} objects): best ${Math.min(...runs).toFixed(0)} ms, runs ${runs.map((r) => r.toFixed(0)).join(' / ')} ms`,
);

const [pods, listMs] = await time(() => gateway.list('Pod'));
console.log(`list ${pods.length} pods in pages of 500: ${listMs.toFixed(0)} ms`);

const deployment = await gateway.get({ kind: 'Deployment', name: 'backend', namespace: 'todo' });
const n = 200;
const [, applyMs] = await time(async () => {
  for (let i = 0; i < n; i++) {
    const proposed = await gateway.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'backend', namespace: 'todo', labels: { rev: String(i) } },
      },
      { dryRun: true, force: true },
    );
    diffObjects(deployment, proposed);
  }
});
console.log(
  `apply dry-run + diff: ${((n / applyMs) * 1000).toFixed(0)} per second (${(applyMs / n).toFixed(1)} ms each)`,
);
await sim.stop();

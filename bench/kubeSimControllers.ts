// Benchmark of the simulated cluster's controllers (run on demand: `npx tsx bench/kubeSimControllers.ts`): prints
// figures, asserts nothing. A cluster of 10 nodes on a ManualClock gets 40 Deployments (5 replicas), 10 StatefulSets
// (3 replicas, one claim each), 5 DaemonSets, 50 Jobs, 10 CronJobs and 10 HPAs; then one minute of cluster time
// passes in 1 s steps. Reported: wall time to converge, reconcile passes and the cost of one pass.
import { ManualClock } from '@opspilot/core';
import { createObject, startSimCluster } from '@opspilot/kube-sim';

const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
const sim = await startSimCluster({ clock, tls: false, nodes: 10 });
const controllers = sim.controllers!;
const type = (group: string, version: string, plural: string) => sim.api.registry.find(group, version, plural)!;
const create = (group: string, version: string, plural: string, obj: Record<string, unknown>) =>
  createObject(sim.api.write, type(group, version, plural), obj, 'default', false);
const template = (app: string, image = 'nginx:1.27', extra: Record<string, unknown> = {}) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'app', image, resources: { requests: { cpu: '10m' } } }], ...extra },
});
const settle = () => new Promise((r) => setTimeout(r, 0));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 10_000 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
};

const started = performance.now();
const passesBefore = controllers.passes;
for (let i = 0; i < 40; i++)
  create('apps', 'v1', 'deployments', {
    metadata: { name: `web-${i}` },
    spec: { replicas: 5, selector: { matchLabels: { app: `web-${i}` } }, template: template(`web-${i}`) },
  });
for (let i = 0; i < 10; i++)
  create('apps', 'v1', 'statefulsets', {
    metadata: { name: `db-${i}` },
    spec: {
      replicas: 3,
      podManagementPolicy: 'Parallel',
      serviceName: `db-${i}`,
      selector: { matchLabels: { app: `db-${i}` } },
      template: template(`db-${i}`, 'postgres:16'),
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  });
for (let i = 0; i < 5; i++)
  create('apps', 'v1', 'daemonsets', {
    metadata: { name: `agent-${i}` },
    spec: { selector: { matchLabels: { app: `agent-${i}` } }, template: template(`agent-${i}`) },
  });
for (let i = 0; i < 50; i++)
  create('batch', 'v1', 'jobs', {
    metadata: { name: `job-${i}` },
    spec: { template: template(`job-${i}`, 'opspilot/batch:1.0', { restartPolicy: 'Never' }) },
  });
for (let i = 0; i < 10; i++)
  create('batch', 'v1', 'cronjobs', {
    metadata: { name: `cron-${i}` },
    spec: {
      schedule: '* * * * *',
      jobTemplate: { spec: { template: template(`cron-${i}`, 'opspilot/batch:1.0', { restartPolicy: 'Never' }) } },
    },
  });
for (let i = 0; i < 10; i++)
  create('autoscaling', 'v2', 'horizontalpodautoscalers', {
    metadata: { name: `web-${i}` },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `web-${i}` },
      minReplicas: 1,
      maxReplicas: 8,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      ],
    },
  });
const podType = type('', 'v1', 'pods');
// DaemonSets run on the 9 workers: the control-plane node carries kind's NoSchedule taint.
await until(() => sim.store.list(podType).items.length >= 40 * 5 + 10 * 3 + 5 * 9 + 50);
await settle();
const created = performance.now() - started;
console.log(
  `create 125 workloads -> ${sim.store.list(podType).items.length} pods: ${created.toFixed(0)} ms wall, ${controllers.passes - passesBefore} passes`,
);

const minuteStart = performance.now();
const minutePasses = controllers.passes;
for (let s = 0; s < 60; s++) {
  await clock.advance(1000);
  await new Promise((r) => setTimeout(r, 5));
}
const minute = performance.now() - minuteStart;
const passes = controllers.passes - minutePasses;
const running = sim.store.list(podType).items.filter((p) => (p.status as { phase?: string }).phase === 'Running');
console.log(
  `one minute of cluster time in 1 s steps: ${minute.toFixed(0)} ms wall, ${passes} passes (${(minute / Math.max(1, passes)).toFixed(1)} ms per pass), ${sim.store.list(podType).items.length} pods (${running.length} running), ${sim.store.list(type('batch', 'v1', 'jobs')).items.length} jobs`,
);
await sim.stop();

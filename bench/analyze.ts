/**
 * Benchmark of `opspilot analyze`'s pure part: runs every built-in analyzer and the root-cause grouping over a
 * synthetic snapshot of 10,000 pods and 2,000 deployments (with their ReplicaSets, Services, Endpoints, ConfigMaps,
 * Events and a few per cent of broken pods), as it would be after the lists arrive. Goal: ≤ 1 s. Then, end to end
 * through the kube gateway against the simulated cluster, a broken namespace holding 10,000 Events. Goal: ≤ 2 s.
 * Prints wall and CPU time.
 *
 *   npx tsx bench/analyze.ts [deployments=2000] [podsPerDeployment=5]
 */
import { analyzeSnapshot, BUILTIN_ANALYZERS } from '@opspilot/analyzers';
import type { ClusterSnapshot, KubeObject } from '@opspilot/core';

const deployments = Number(process.argv[2] ?? 2000);
const podsPer = Number(process.argv[3] ?? 5);
const NOW = new Date('2026-01-01T12:00:00Z');
const EARLIER = '2026-01-01T10:00:00Z';
let seq = 0;
const uid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

function meta(name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) {
  return { name, namespace, uid: uid(), creationTimestamp: EARLIER, ...extra };
}

function build(): ClusterSnapshot {
  const objects: Record<string, KubeObject[]> = {};
  for (const kind of BUILTIN_ANALYZERS.flatMap((a) => a.kinds)) objects[kind] = [];
  const add = (o: KubeObject) => {
    objects[o.kind] = objects[o.kind] ?? [];
    objects[o.kind]?.push(o);
  };
  for (let n = 0; n < 10; n++) {
    add({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(`node-${n}`, undefined),
      spec: {},
      status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { cpu: '32', memory: '128Gi' } },
    });
  }
  for (let d = 0; d < deployments; d++) {
    const ns = `team-${d % 50}`;
    const app = `app-${d}`;
    const labels = { app };
    const broken = d % 25 === 0;
    const dep: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(app, ns, { labels }),
      spec: {
        replicas: podsPer,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'main',
                image: 'nginx:1.27',
                ports: [{ containerPort: 8080, name: 'http' }],
                envFrom: [{ configMapRef: { name: `${app}-config` } }],
                resources: { requests: { cpu: '100m', memory: '128Mi' } },
              },
            ],
          },
        },
      },
      status: broken
        ? {
            replicas: podsPer,
            availableReplicas: 0,
            conditions: [{ type: 'Available', status: 'False', lastTransitionTime: EARLIER }],
          }
        : { replicas: podsPer, availableReplicas: podsPer, readyReplicas: podsPer },
    };
    add(dep);
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(`${app}-5d8f7`, ns, {
        labels,
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: dep.metadata.uid!, controller: true },
        ],
      }),
      spec: { replicas: podsPer },
      status: { replicas: podsPer },
    };
    add(rs);
    for (let p = 0; p < podsPer; p++) {
      const pod: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta(`${app}-5d8f7-${p}`, ns, {
          labels,
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs.metadata.name,
              uid: rs.metadata.uid!,
              controller: true,
            },
          ],
        }),
        spec: { nodeName: `node-${p % 10}`, ...(dep.spec as { template: { spec: object } }).template.spec },
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: broken ? 'False' : 'True' }],
          containerStatuses: [
            broken
              ? {
                  name: 'main',
                  ready: false,
                  restartCount: 6,
                  state: { waiting: { reason: 'CrashLoopBackOff' } },
                  lastState: { terminated: { exitCode: 1, reason: 'Error' } },
                }
              : { name: 'main', ready: true, restartCount: 0, state: { running: { startedAt: EARLIER } } },
          ],
        },
      };
      add(pod);
      if (broken) {
        add({
          apiVersion: 'v1',
          kind: 'Event',
          metadata: meta(`${pod.metadata.name}.backoff`, ns),
          type: 'Warning',
          reason: 'BackOff',
          message: 'Back-off restarting failed container',
          lastTimestamp: '2026-01-01T11:59:00Z',
          involvedObject: { kind: 'Pod', name: pod.metadata.name, namespace: ns },
        } as KubeObject);
      }
    }
    add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(app, ns),
      spec: { selector: labels, ports: [{ port: 80, targetPort: 'http' }] },
    });
    add({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta(app, ns),
      subsets: broken
        ? []
        : [{ addresses: Array.from({ length: podsPer }, (_, i) => ({ ip: `10.0.${d % 250}.${i}` })) }],
    } as KubeObject);
    add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${app}-config`, ns), data: { A: '1' } } as KubeObject);
  }
  return { cluster: 'bench', takenAt: NOW.toISOString(), objects, errors: [] };
}

const snapshot = build();
const counts = Object.entries(snapshot.objects)
  .filter(([, l]) => l.length > 0)
  .map(([k, l]) => `${k} ${l.length}`)
  .join(', ');
console.log(`snapshot: ${counts}`);
console.log(`analyzers: ${BUILTIN_ANALYZERS.length}`);

const times: number[] = [];
const cpus: number[] = [];
let summary = '';
for (let run = 0; run < 7; run++) {
  // A fresh copy each time, so the cached index is rebuilt as after a new snapshot.
  const fresh: ClusterSnapshot = { ...snapshot, objects: { ...snapshot.objects } };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { report } = analyzeSnapshot(fresh, { now: NOW });
  times.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  cpus.push((cpu.user + cpu.system) / 1000);
  summary = `${report.summary.problems} problems from ${report.summary.findings} findings`;
}
const sorted = [...times].sort((a, b) => a - b);
const ms = (v: number) => `${v.toFixed(0)} ms`;
console.log(`result: ${summary}`);
console.log(
  `analyze + group (index built each run): first ${ms(times[0]!)}, median ${ms(sorted[3]!)}, best ${ms(sorted[0]!)}, worst ${ms(sorted[6]!)}`,
);
console.log(`CPU per run: median ${ms([...cpus].sort((a, b) => a - b)[3]!)}, best ${ms(Math.min(...cpus))}`);
console.log(`goal ≤ 1000 ms: ${sorted[3]! <= 1000 ? 'met' : 'NOT met'}`);

// 2. End to end on a broken namespace holding 10,000 Events (the simulated cluster over HTTPS, through the kube
// gateway): the listing, the snapshot and the analysis, as one `opspilot analyze -n broken` does. Goal: ≤ 2 s.
{
  const { createClusterGateway } = await import('@opspilot/kube');
  const { startSimCluster } = await import('@opspilot/kube-sim');
  const { snapshotForAnalysis, kindsFor } = await import('@opspilot/analyzers');
  const sim = await startSimCluster({ controllers: false, scenario: 'demo' });
  const type = (group: string, version: string, plural: string) => sim.api.registry.find(group, version, plural)!;
  sim.store.create(type('', 'v1', 'namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'broken' } });
  const pods = 50;
  for (let i = 0; i < pods; i++) {
    sim.store.create(type('', 'v1', 'pods'), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `worker-${i}`, namespace: 'broken', labels: { app: 'worker' } },
      spec: { nodeName: 'sim-worker-1', containers: [{ name: 'app', image: 'worker:1' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 40,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
      },
    });
  }
  const reasons = ['BackOff', 'Unhealthy', 'FailedMount', 'Pulled', 'Started'];
  for (let i = 0; i < 10_000; i++) {
    const pod = `worker-${i % pods}`;
    const reason = reasons[i % reasons.length]!;
    const at = new Date(NOW.getTime() - (10_000 - i) * 300).toISOString();
    sim.store.create(type('', 'v1', 'events'), {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${pod}.${i.toString(16)}`, namespace: 'broken' },
      type: reason === 'Pulled' || reason === 'Started' ? 'Normal' : 'Warning',
      reason,
      message: `${reason} for container app (${i})`,
      count: 1,
      firstTimestamp: at,
      lastTimestamp: at,
      involvedObject: { kind: 'Pod', name: pod, namespace: 'broken' },
    });
  }
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  await gateway.list('Namespace'); // TLS and JIT warm-up, as a CLI process has done by then
  const kinds = kindsFor(BUILTIN_ANALYZERS);
  const runs: { wall: number; cpu: number; problems: number; events: number }[] = [];
  for (let r = 0; r < 3; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const snap = await snapshotForAnalysis(gateway, { kinds, namespace: 'broken' });
    const { report } = analyzeSnapshot(snap, { now: NOW, namespace: 'broken' });
    const cpu = process.cpuUsage(cpu0);
    runs.push({
      wall: performance.now() - t0,
      cpu: (cpu.user + cpu.system) / 1000,
      problems: report.summary.problems,
      events: snap.objects.Event?.length ?? 0,
    });
  }
  const best = [...runs].sort((a, b) => a.wall - b.wall)[0]!;
  console.log(
    `broken namespace, 10,000 Events (${best.events} kept), ${pods} crash-looping pods: ${best.problems} problem(s); end to end wall ${runs.map((r) => ms(r.wall)).join(' / ')}, CPU ${runs.map((r) => ms(r.cpu)).join(' / ')} (the server's share included: same process)`,
  );
  console.log(`goal ≤ 2000 ms: ${best.wall <= 2000 ? 'met' : 'NOT met'}`);
  await gateway.close?.();
  await sim.stop();
}

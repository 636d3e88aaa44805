/**
 * Time from failure to verified recovery per remediation class, on the simulated clock: each failure is planted in its
 * own namespace of one simulated cluster (HTTPS, the real client), the clock is driven in 5 s steps until the
 * analyzers report it, then the remediation catalogue's best candidate is proposed, approved, applied, verified by the
 * lifecycle and watched for a 30 s settle window (as an automatic healing rule would). Prints, per class, the clock
 * seconds from the failure to its finding, to the workload healthy again, and to the verified end (including the
 * settle window), with the CPU time the whole run took and the load average.
 *
 *   npx tsx bench/remediation.ts
 */
import { loadavg } from 'node:os';
import { type KubeObject, ManualClock } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { createRemediator, currentFindings } from '@opspilot/remediate';
import { openTestStore } from '@opspilot/store/testing';

const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
const sim = await startSimCluster({ clock });
const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
const t = await openTestStore('sqlite');
const remediator = createRemediator({
  gateway,
  operations: t.store.operations,
  audit: t.store.audit,
  clock,
  diff: diffObjects,
  verifyTimeoutMs: 180_000,
  pollMs: 1000,
  recovery: { timeoutMs: 180_000, settleMs: 30_000, pollMs: 2000 },
});

const app = (ns: string, name: string, container: Record<string, unknown>, pod: Record<string, unknown> = {}) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...container }],
          ...pod,
        },
      },
    },
  }) as KubeObject;
const template = (container: Record<string, unknown>) => ({
  spec: { template: { spec: { containers: [{ name: 'app', ...container }] } } },
});

interface Case {
  finding: string;
  ns: string;
  /** Healthy objects first, then what breaks them (a rollout), applied after 20 s. */
  healthy: KubeObject[];
  breaks?: (ns: string) => Promise<unknown>;
  broken?: KubeObject[];
}
const cases: Case[] = [
  {
    finding: 'pod-image-pull',
    ns: 'b-image',
    healthy: [app('b-image', 'web', {})],
    breaks: (ns) =>
      gateway.patch({ kind: 'Deployment', name: 'web', namespace: ns }, template({ image: 'nginx:9.9.9' })),
  },
  {
    finding: 'pod-crash-loop',
    ns: 'b-crash',
    healthy: [app('b-crash', 'web', {})],
    breaks: (ns) =>
      gateway.patch(
        { kind: 'Deployment', name: 'web', namespace: ns },
        template({ command: ['python3', '-c', 'import sys; sys.exit(1)'] }),
      ),
  },
  {
    finding: 'pod-container-config',
    ns: 'b-key',
    healthy: [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: 'b-key' },
        data: { mode: 'fast' },
      } as KubeObject,
      app('b-key', 'web', {
        env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }],
      }),
    ],
    breaks: (ns) =>
      gateway.patch(
        { kind: 'Deployment', name: 'web', namespace: ns },
        template({ env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'modes' } } }] }),
      ),
  },
  {
    finding: 'pod-oom-killed',
    ns: 'b-oom',
    healthy: [],
    broken: [app('b-oom', 'web', { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } })],
  },
  {
    finding: 'pod-readiness-probe',
    ns: 'b-probe',
    healthy: [],
    broken: [
      app('b-probe', 'web', {
        readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
      }),
    ],
  },
  {
    finding: 'pod-liveness-probe',
    ns: 'b-live',
    healthy: [],
    broken: [app('b-live', 'web', { livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } })],
  },
  {
    finding: 'pod-unschedulable',
    ns: 'b-sched',
    healthy: [],
    broken: [app('b-sched', 'web', {}, { nodeSelector: { 'kubernetes.io/os': 'linx' } })],
  },
  {
    finding: 'pod-unschedulable',
    ns: 'b-aff',
    healthy: [],
    broken: [
      app(
        'b-aff',
        'web',
        {},
        {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linx'] }] },
                ],
              },
            },
          },
        },
      ),
    ],
  },
  {
    // Three replicas that repel each other per node, on two schedulable workers: the third stays Pending.
    finding: 'pod-unschedulable',
    ns: 'b-spread',
    healthy: [],
    broken: [
      (() => {
        const spread = app(
          'b-spread',
          'web',
          {},
          {
            affinity: {
              podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                  { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
                ],
              },
            },
          },
        );
        (spread.spec as { replicas: number }).replicas = 3;
        return spread;
      })(),
    ],
  },
  {
    finding: 'service-selector-no-match',
    ns: 'b-svc',
    healthy: [],
    broken: [
      app('b-svc', 'web', {}),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'b-svc' },
        spec: { selector: { app: 'wbe' }, ports: [{ port: 80 }] },
      } as KubeObject,
    ],
  },
  {
    finding: 'pvc-storage-class-missing',
    ns: 'b-pvc',
    healthy: [],
    broken: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data', namespace: 'b-pvc' },
        spec: {
          storageClassName: 'fast-ssd',
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      } as KubeObject,
      app(
        'b-pvc',
        'web',
        { volumeMounts: [{ name: 'data', mountPath: '/data' }] },
        { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
      ),
    ],
  },
  {
    finding: 'pod-unschedulable',
    ns: 'b-taint',
    healthy: [],
    // Every worker reserved for batch work, then the app rolled out: nothing tolerates the taint.
    breaks: async (ns) => {
      const workers = (await gateway.list('Node')).filter((n) => !n.metadata.name.includes('control-plane'));
      for (const node of workers.map((n) => n.metadata.name)) {
        await gateway.patch(
          { kind: 'Node', name: node },
          { spec: { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] } },
        );
      }
      await gateway.apply(app(ns, 'web', {}));
    },
  },
];

const whileRunning = async <T>(work: Promise<T>): Promise<T> => {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  while (!settled) await advanceClock(clock, 1000, 1000);
  return done;
};
const seconds = (from: number, to: number) => `${Math.round((to - from) / 1000)}s`;

const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const rows: string[][] = [['FINDING', 'REMEDIATION', 'TO FINDING', 'TO HEALTHY', 'TO VERIFIED', 'OUTCOME']];
for (const c of cases) {
  await gateway.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: c.ns } });
  for (const o of c.healthy) await gateway.apply(o);
  if (c.healthy.length > 0) await advanceClock(clock, 20_000);
  const failedAt = clock.now().getTime();
  for (const o of c.broken ?? []) await gateway.apply(o);
  await c.breaks?.(c.ns);
  let finding: Awaited<ReturnType<typeof currentFindings>>[number] | undefined;
  for (let waited = 0; !finding && waited < 600_000; waited += 5000) {
    finding = (await currentFindings(gateway, clock.now(), { namespace: c.ns })).find((f) => f.analyzer === c.finding);
    if (!finding) await advanceClock(clock, 5000);
  }
  if (!finding) {
    rows.push([c.finding, '-', 'never', '-', '-', 'NO FINDING']);
    continue;
  }
  const foundAt = clock.now().getTime();
  const { candidates, declined } = await remediator.diagnose(finding);
  const best = candidates[0];
  if (!best) {
    rows.push([c.finding, '-', seconds(failedAt, foundAt), '-', '-', `NO FIX: ${declined[0] ?? ''}`]);
    continue;
  }
  const proposed = await remediator.propose(best, { user: 'bench' });
  if (proposed.kind !== 'operation') {
    rows.push([c.finding, best.remediation, seconds(failedAt, foundAt), '-', '-', 'ABANDONED']);
    continue;
  }
  const outcome = await whileRunning(
    remediator.execute(proposed.operation.id, best, { user: 'bench', approver: 'policy:bench' }),
  );
  const healthy = outcome.recovery?.healthy_at ? new Date(outcome.recovery.healthy_at).getTime() : undefined;
  rows.push([
    c.finding,
    best.remediation,
    seconds(failedAt, foundAt),
    healthy ? seconds(failedAt, healthy) : '-',
    seconds(failedAt, clock.now().getTime()),
    outcome.status,
  ]);
}
const cpu = process.cpuUsage(cpu0);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
console.log(
  `\nsimulated clock times from the failure; settle window 30 s. CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, wall ${((performance.now() - wall0) / 1000).toFixed(1)} s, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await sim.stop();
await t.cleanup();

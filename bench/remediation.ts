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
import { FAILURE_SCENARIOS } from '@opspilot/remediate/testing';
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

interface Case {
  finding: string;
  ns: string;
  /** The remediation the default rule uses (else the catalogue's best candidate). */
  remediation?: string;
  /** Healthy objects first (the clock then moves 20 s), then what breaks them. */
  healthy: KubeObject[];
  breaks: (ns: string) => Promise<unknown>;
}
const applyAll = async (objects: KubeObject[]) => {
  for (const o of objects) await gateway.apply(o);
};
// The failure classes of the healing end-to-end tests (one per default rule, RBAC included), then three more kinds
// of Pending and a liveness probe on a port nothing listens on.
const cases: Case[] = [
  ...FAILURE_SCENARIOS.map((f) => ({
    finding: f.finding,
    ns: `b-${f.key}`,
    remediation: f.remediation,
    healthy: f.healthy(`b-${f.key}`),
    breaks: (ns: string) => f.breaks(gateway, ns),
  })),
  {
    finding: 'pod-liveness-probe',
    ns: 'b-live',
    healthy: [],
    breaks: (ns) => applyAll([app(ns, 'web', { livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } })]),
  },
  {
    finding: 'pod-unschedulable',
    ns: 'b-aff',
    healthy: [],
    breaks: (ns) =>
      applyAll([
        app(
          ns,
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
      ]),
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
  await c.breaks(c.ns);
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
  const best = candidates.find((k) => k.remediation === c.remediation) ?? candidates[0];
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

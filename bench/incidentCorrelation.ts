/**
 * Benchmark of the incident engine's correlation: a storm of 10,000 Alertmanager alerts in one minute (2,000
 * distinct fingerprints on 8 workloads of one namespace, each repeated five times, with pod, node and workload labels
 * and a few hundred clearing again), turned into signals and correlated, first by the in-memory correlator alone,
 * then through the engine writing each incident and its timeline into memory records. Goal: ≤ 1 s, a handful of
 * incidents. Prints CPU time (user + system) beside the wall time, and the load average.
 *
 *   npx tsx bench/incidentCorrelation.ts [alerts=10000]
 */
import { loadavg } from 'node:os';
import type { Alert } from '@opspilot/core';
import { ManualClock } from '@opspilot/core';
import { Correlator, createIncidentEngine, createMemoryIncidentRecords, signalFromAlert } from '@opspilot/incidents';

const count = Number(process.argv[2] ?? 10_000);
const T0 = Date.parse('2026-03-01T09:00:00Z');
const workloads = ['cart', 'checkout', 'search', 'catalog', 'payments', 'auth', 'ledger', 'mailer'];
const names = ['HighErrorRate', 'KubePodCrashLooping', 'HighLatencyP99', 'KubePodNotReady', 'CPUThrottlingHigh'];

function storm(): Alert[] {
  const alerts: Alert[] = [];
  for (let i = 0; i < count; i++) {
    const fp = i % 2000;
    const workload = workloads[fp % workloads.length] as string;
    const clearing = i > count * 0.9 && fp % 7 === 0;
    alerts.push({
      id: crypto.randomUUID(),
      fingerprint: `fp${fp.toString(16).padStart(12, '0')}`,
      alertname: names[fp % names.length] as string,
      severity: fp % 3 === 0 ? 'CRITICAL' : 'WARNING',
      state: clearing ? 'RESOLVED' : 'FIRING',
      labels: {
        namespace: 'shop',
        deployment: workload,
        pod: `${workload}-7d9f${fp % 50}-x${fp % 13}`,
        node: `node-${fp % 6}`,
      },
      annotations: { summary: `${workload} misbehaves` },
      starts_at: new Date(T0 + (i * 60_000) / count).toISOString(),
      ...(clearing ? { ends_at: new Date(T0 + 60_000).toISOString() } : {}),
    });
  }
  return alerts;
}

async function measure<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
  return result;
}

const alerts = storm();
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${alerts.length} alerts`,
);
const correlator = new Correlator();
await measure('correlator alone (signals + correlation)', () => {
  for (const alert of alerts) correlator.ingest(signalFromAlert(alert));
});
console.log(`  → ${correlator.incidents.size} incidents`);
const clock = new ManualClock(new Date(T0 + 60_000));
const records = createMemoryIncidentRecords(() => clock.now());
const engine = createIncidentEngine({
  records,
  clock,
  audit: { append: async () => ({}) as never, list: async () => ({}) as never },
});
const touched = await measure('engine with timeline records (memory)', () =>
  engine.ingest(alerts.map(signalFromAlert)),
);
console.log(`  → ${touched.length} incidents; ${(await records.list({}, { page_size: 100 })).total} stored`);

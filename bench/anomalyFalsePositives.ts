/**
 * False positives of the anomaly detection on a healthy cluster: the demo simulated cluster runs 24 hours on a driven
 * clock, the server's built-in sampler takes a sample every simulated minute, and the server's anomaly scan (the same
 * code as the scheduled `anomalies.scan` job, its store and event bus) scores every series every 5 minutes. Every
 * anomaly is also fed to the incident commander's correlator. Goal: zero anomalies, hence zero incidents.
 *
 *   npx tsx bench/anomalyFalsePositives.ts [hours=24]
 */
import { loadavg } from 'node:os';
import type { AnomalyDetection } from '@opspilot/core';
import { Correlator, signalFromAnomaly } from '@opspilot/incidents';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { createAnomalyScan } from '../apps/server/src/anomaly/anomalyScan.js';
import { startTestApi } from '../apps/server/src/testing/index.js';

const hours = Number(process.argv[2] ?? 24);
const t = await startTestApi({ config: { prometheus: { sampler_interval: '60s', sampler_window: '8h' } } });
const sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
const response = await t.rest('POST', '/clusters', t.users.admin.token, {
  name: 'demo',
  api_server_url: sim.url,
  kubeconfig: sim.kubeconfig,
});
if (response.statusCode !== 200) throw new Error(`registering the cluster failed: ${response.body}`);
const cluster = response.json() as { id: string };
t.services.metrics.sample(cluster as never);
await advanceClock(t.clock, 60_000, 5_000);

const scan = createAnomalyScan(t.services);
const correlator = new Correlator();
const found: AnomalyDetection[] = [];
const incidents = new Set<string>();
let series = 0;
let points = 0;
let scanCpu = 0;
const wall0 = performance.now();
for (let minute = 1; minute <= hours * 60; minute++) {
  await advanceClock(t.clock, 60_000, 30_000);
  await t.services.metrics.sampleNow(cluster.id);
  if (minute % 5 !== 0) continue;
  const cpu0 = process.cpuUsage();
  const result = await scan.runOnce();
  const cpu = process.cpuUsage(cpu0);
  scanCpu += (cpu.user + cpu.system) / 1e6;
  series = Math.max(series, result.series);
  points += result.points;
  for (const anomaly of result.stored) {
    found.push(anomaly);
    correlator.ingest(signalFromAnomaly(anomaly));
  }
  for (const incident of correlator.due(t.clock.now())) incidents.add(incident.id);
  if (minute % 360 === 0) console.log(`${minute / 60} h: ${found.length} anomalies so far`);
}
console.log(
  `${hours} h of the healthy demo cluster: ${series} series, ${points} points scored in ${(hours * 12).toFixed(0)} scans ` +
    `(scan CPU ${scanCpu.toFixed(2)} s, wall ${((performance.now() - wall0) / 1000).toFixed(0)} s)`,
);
console.log(`anomalies: ${found.length}, incidents: ${incidents.size} (goal 0 and 0)`);
for (const a of found) console.log(`  ${a.detected_at} ${a.anomaly_type} ${a.explanation}`);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await sim.stop();
await t.close();

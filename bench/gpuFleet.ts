/**
 * Benchmark of the GPU fleet path on a simulated cluster of `pools` × 64 nodes × 8 A100s (default 2 pools: 1,024
 * GPUs), with half the nodes running an 8-GPU training pod: the simulated dcgm-exporter scrape (`/metrics/dcgm`
 * rendered in-process), parsing it (`parseExposition`), grouping it per field (`dcgmSamplesOf`) and building the
 * GPUNode view (`buildGpuNodes`). Goal: ≤ 250 ms of CPU for the scrape and ≤ 100 ms for parse + build at 1,000 GPUs,
 * so the built-in sampler's 15 s interval and a GPU page refresh stay cheap. Prints CPU and wall time per step
 * (median of `runs`), and the load average.
 *
 *   npx tsx bench/gpuFleet.ts [pools=2] [runs=5]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@opspilot/core';
import { buildGpuNodes, dcgmSamplesOf } from '@opspilot/gpu';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { parseExposition } from '@opspilot/observe';

const pools = Number(process.argv[2] ?? 2);
const runs = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'opspilot-bench-gpu-'));
const scenario = join(dir, 'gpus.yaml');
const docs: string[] = [];
for (let p = 1; p <= pools; p++) {
  docs.push(`apiVersion: sim.opspilot.dev/v1
kind: GpuNodePool
metadata: { name: pool-${p} }
spec: { product: a100-80gb, nodes: 64, gpusPerNode: 8, seed: ${p} }`);
}
docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: train, namespace: default }
spec:
  replicas: ${pools * 32}
  selector: { matchLabels: { app: train } }
  template:
    metadata: { labels: { app: train } }
    spec:
      containers:
        - { name: trainer, image: "opspilot/gpu-train:1.0", resources: { limits: { nvidia.com/gpu: 8 } } }`);
writeFileSync(scenario, docs.join('\n---\n'));

const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
const sim = await startSimCluster({ clock, tls: false, scenario, nodes: 1 });
await advanceClock(clock, 30_000, 5_000);

const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const steps: Record<string, { cpu: number[]; wall: number[] }> = {
  scrape: { cpu: [], wall: [] },
  build: { cpu: [], wall: [] },
};
const nodeType = sim.api.registry.find('', 'v1', 'nodes')!;
const podType = sim.api.registry.find('', 'v1', 'pods')!;
let gpus = 0;
let held = 0;
for (let i = 0; i < runs; i++) {
  await clock.advance(15_000);
  let cpu = process.cpuUsage();
  let wall = performance.now();
  const text = (await sim.api.hooks.metrics!('dcgm')).text;
  steps.scrape!.cpu.push(cpuMs(cpu));
  steps.scrape!.wall.push(performance.now() - wall);
  cpu = process.cpuUsage();
  wall = performance.now();
  const views = buildGpuNodes({
    cluster: { id: '00000000-0000-4000-8000-000000000000', name: 'bench' },
    nodes: sim.store.list(nodeType).items as never,
    pods: sim.store.list(podType).items as never,
    samples: dcgmSamplesOf(parseExposition(text)),
    now: clock.now(),
  });
  steps.build!.cpu.push(cpuMs(cpu));
  steps.build!.wall.push(performance.now() - wall);
  gpus = views.reduce((n, v) => n + v.gpus.length, 0);
  held = views.reduce((n, v) => n + v.holders.length, 0);
}
await sim.stop();
console.log(`${gpus} GPUs on ${pools * 64} nodes, ${held} held by training pods; median of ${runs} runs`);
for (const [name, s] of Object.entries(steps)) {
  console.log(`${name.padEnd(8)} cpu ${median(s.cpu).toFixed(1)} ms  wall ${median(s.wall).toFixed(1)} ms`);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

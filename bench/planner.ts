/**
 * Benchmark of the offline planner: plans every request of the phrasing suite (packages/ai/src/__fixtures__/
 * phrasings.ts) repeatedly and prints latency p50/p99 per request, twice — against an in-memory gateway (parsing,
 * resolution, risk and rendering alone) and against the simulated demo cluster through the real gateway over HTTPS
 * (what `opspilot ask` sees, name resolution lists included). Goal: p99 ≤ 50 ms in memory, ≤ 250 ms over the simulator.
 *
 *   npx tsx bench/planner.ts [rounds=20]
 */
import { planOffline } from '@opspilot/ai';
import { memoryGateway, plannerCluster } from '@opspilot/ai/testing';
import type { ClusterGateway } from '@opspilot/core';
import { PHRASINGS } from '../packages/ai/src/__fixtures__/phrasings.js';
import { startSimPlannerCluster } from '../packages/ai/src/__fixtures__/simPlannerCluster.js';

const rounds = Number(process.argv[2] ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(label: string, gateway: Pick<ClusterGateway, 'list'>, times: number): Promise<void> {
  for (const p of PHRASINGS) await planOffline(p.say, { gateway });
  const samples: number[] = [];
  for (let r = 0; r < times; r++) {
    for (const p of PHRASINGS) {
      const start = performance.now();
      await planOffline(p.say, { gateway });
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(2)} ms`;
  console.log(
    `${label.padEnd(28)} requests=${samples.length} p50=${f(percentile(samples, 50))} p99=${f(percentile(samples, 99))} max=${f(samples.at(-1) ?? 0)}`,
  );
}

console.log(`planner benchmark: ${PHRASINGS.length} phrasings`);
await measure('in-memory gateway', memoryGateway(plannerCluster()), rounds);
const sim = await startSimPlannerCluster();
try {
  await measure('simulator, real gateway', sim.gateway, Math.max(1, Math.round(rounds / 4)));
} finally {
  await sim.stop();
}

/**
 * Benchmark of the cost optimizer's pure part, after the usage history arrives: OpenCost-style allocation of
 * 5 clusters × 2,000 pods over 30 days hourly (720 steps; every pod's CPU and memory usage series present), by
 * namespace and by workload, and KRR-style rightsizing of 10,000 containers over 14 days at 15-minute resolution
 * (1,344 samples each). Prints wall and CPU time (user + system) of each. Goals: allocation ≤ 2 s, recommendations
 * ≤ 1 s.
 *
 *   npx tsx bench/cost.ts [clusters=5] [pods=2000] [containers=10000]
 */
import { loadavg } from 'node:os';
import { allocateFleet, type ClusterCostInput, type CostPod, PriceModel, rightsizeCluster } from '@opspilot/cost';

const clusters = Number(process.argv[2] ?? 5);
const podsPerCluster = Number(process.argv[3] ?? 2000);
const containers = Number(process.argv[4] ?? 10_000);
const GIB = 2 ** 30;

/** A deterministic pseudo-random generator (so runs compare). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function series(steps: number, stepSeconds: number, base: number, amplitude: number, r: () => number): Float64Array {
  const out = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    const hour = ((i * stepSeconds) / 3600) % 24;
    out[i] = Math.max(0, base + amplitude * Math.cos(((hour - 14) * Math.PI) / 12) + (r() - 0.5) * amplitude * 0.2);
  }
  return out;
}

function cluster(index: number, pods: number, steps: number, stepSeconds: number): ClusterCostInput {
  const r = rng(index + 1);
  const nodes = Array.from({ length: Math.ceil(pods / 40) }, (_, n) => ({
    name: `node-${n}`,
    labels: {
      'node.kubernetes.io/instance-type': n % 3 === 0 ? 'm5.4xlarge' : 'n2-standard-8',
      ...(n % 5 === 0 ? { 'karpenter.sh/capacity-type': 'spot' } : {}),
    },
    cpuCores: 16,
    memoryBytes: 64 * GIB,
    gpus: 0,
  }));
  const list: CostPod[] = [];
  for (let p = 0; p < pods; p++) {
    const app = `app-${Math.floor(p / 4)}`;
    const cpu = 0.1 + r() * 1.5;
    const mem = (0.25 + r() * 2) * GIB;
    list.push({
      namespace: `team-${p % 40}`,
      name: `${app}-${p}`,
      node: `node-${p % nodes.length}`,
      workload: { kind: 'Deployment', name: app },
      labels: { team: `t${p % 12}`, app },
      containers: [
        {
          name: 'app',
          cpuRequest: cpu,
          memoryRequest: mem,
          gpuRequest: 0,
          cpuUsage: series(steps, stepSeconds, cpu * 0.5, cpu * 0.3, r),
          memoryUsage: series(steps, stepSeconds, mem * 0.7, mem * 0.1, r),
        },
      ],
      pvcs: p % 10 === 0 ? ['data'] : [],
    });
  }
  return {
    clusterId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    clusterName: `cluster-${index}`,
    window: { start: 1_764_547_200, stepSeconds, steps },
    nodes,
    pods: list,
    pvcs: Array.from({ length: 40 }, (_, n) => ({
      namespace: `team-${n}`,
      name: 'data',
      storageClass: 'gp3',
      sizeBytes: 50 * GIB,
    })),
    services: [{ namespace: 'team-0', name: 'edge', type: 'LoadBalancer', readyEndpoints: 2 }],
  };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function measure<T>(label: string, fn: () => T): T {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = fn();
  console.log(
    `${label.padEnd(58)} wall ${(performance.now() - wall).toFixed(0).padStart(6)} ms   cpu ${(cpuMs() - cpu).toFixed(0).padStart(6)} ms`,
  );
  return result;
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; node ${process.version}`,
);
const prices = new PriceModel();
const hourly = Array.from({ length: clusters }, (_, i) => cluster(i, podsPerCluster, 720, 3600));
const byNamespace = measure(`allocation ${clusters} × ${podsPerCluster} pods × 720 h, by namespace`, () =>
  allocateFleet(hourly, prices, { aggregate: 'namespace' }),
);
measure(`allocation ${clusters} × ${podsPerCluster} pods × 720 h, by workload`, () =>
  allocateFleet(hourly, prices, { aggregate: 'workload' }),
);
measure(`allocation ${clusters} × ${podsPerCluster} pods × 720 h, by team, idle shared`, () =>
  allocateFleet(hourly, prices, { aggregate: 'team', shareIdle: 'weighted' }),
);
const total = byNamespace.rows.reduce((t, r) => t + r.total_cost, 0);
console.log(`  ${byNamespace.rows.length} rows, ${total.toFixed(2)} USD over 30 days`);

const perCluster = Math.ceil(containers / clusters);
const fine = Array.from({ length: clusters }, (_, i) => cluster(100 + i, perCluster, 14 * 96, 900));
const recs = measure(`rightsizing ${perCluster * clusters} containers × 1,344 samples (14 d at 15 min)`, () =>
  fine.flatMap((c) => rightsizeCluster(c, prices, { min_history_hours: 24 })),
);
const saving = recs.reduce((t, r) => t + r.estimated_monthly_savings, 0);
console.log(`  ${recs.length} recommendations (workloads × containers), ${saving.toFixed(2)} USD per month to save`);

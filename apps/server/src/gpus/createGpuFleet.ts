import type { Cluster, MetricResultStatus } from '@opspilot/core';
import {
  buildGpuNodes,
  DCGM_FIELDS,
  type DcgmField,
  type DcgmSamples,
  type GpuNodeView,
  isGpuNode,
} from '@opspilot/gpu';
import type { FleetWatchers } from '../fleet/createFleetWatchers.js';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';

/** The GPUs of one cluster, with its own status (seed 003 §3.2 statuses), as the fleet's metric answers have. */
export interface ClusterGpus {
  cluster_id: string;
  cluster_name: string;
  /** SUCCESS; PARTIAL when some dcgm series could not be read; ERROR when the cluster is not watched or no series answered. */
  status: MetricResultStatus;
  error?: string;
  /** Where the GPU readings came from: the cluster's Prometheus, or the built-in sampler. */
  metrics_source: 'PROMETHEUS' | 'BUILTIN';
  nodes: GpuNodeView[];
}

/** The GPU fleet across clusters: the whole is PARTIAL when some clusters failed, ERROR when all did. */
export interface GpusAnswer {
  status: MetricResultStatus;
  clusters: ClusterGpus[];
}

/** The server's GPU fleet view (see {@link createGpuFleet}). */
export interface GpuFleet {
  list(clusters: readonly Cluster[], options?: { timeoutSeconds?: number }): Promise<GpusAnswer>;
}

/** What {@link createGpuFleet} works with. */
export interface GpuFleetOptions {
  metrics: Pick<ServerMetrics, 'over' | 'hasPrometheus'>;
  fleet: Pick<FleetWatchers, 'get'>;
  clock: { now(): Date };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Builds seed 003 §4 GPUNode/GPU/GPUProcess per cluster, in parallel: the nodes and pods from the cluster's live
 * model (the fleet watchers), the readings from the dcgm-exporter named queries (instant), answered by the cluster's
 * Prometheus or else the built-in sampler. A cluster without GPU nodes answers SUCCESS with none and asks no metric.
 */
export function createGpuFleet(options: GpuFleetOptions): GpuFleet {
  async function one(cluster: Cluster, timeout: number): Promise<ClusterGpus> {
    const base = {
      cluster_id: cluster.id,
      cluster_name: cluster.name,
      metrics_source: options.metrics.hasPrometheus(cluster) ? ('PROMETHEUS' as const) : ('BUILTIN' as const),
    };
    const watch = options.fleet.get(cluster.id);
    if (!watch) {
      return { ...base, status: 'ERROR', error: `${cluster.name}: the cluster is not watched yet`, nodes: [] };
    }
    const nodes = watch.model.objects('Node');
    const pods = watch.model.objects('Pod');
    const now = options.clock.now();
    if (!nodes.some(isGpuNode)) return { ...base, status: 'SUCCESS', nodes: [] };
    const metrics = options.metrics.over([cluster]);
    const fields = Object.keys(DCGM_FIELDS) as DcgmField[];
    const answers = await Promise.all(
      fields.map(async (field) => {
        try {
          const answer = await metrics.named(DCGM_FIELDS[field].query, {}, { instant: true, timeout });
          const result = answer.results[0];
          if (!result || result.status === 'ERROR' || result.status === 'TIMEOUT') {
            return { field, error: result?.error ?? `${cluster.name}: no answer for ${DCGM_FIELDS[field].metric}` };
          }
          const samples = (result.data ?? []).flatMap((s) => {
            const last = s.values.at(-1);
            return last ? [{ labels: s.metric, value: Number(last[1]) }] : [];
          });
          return { field, samples };
        } catch (error) {
          return { field, error: messageOf(error) };
        }
      }),
    );
    const samples: DcgmSamples = {};
    for (const a of answers) if (a.samples) samples[a.field] = a.samples;
    const failures = answers.filter((a) => a.error);
    const built = buildGpuNodes({ cluster, nodes, pods, samples, now });
    if (failures.length === 0) return { ...base, status: 'SUCCESS', nodes: built };
    return {
      ...base,
      status: failures.length === answers.length ? 'ERROR' : 'PARTIAL',
      error: failures[0]!.error,
      nodes: built,
    };
  }

  return {
    async list(clusters, o = {}) {
      const results = await Promise.all(clusters.map((c) => one(c, o.timeoutSeconds ?? 10)));
      const failed = results.filter((r) => r.status !== 'SUCCESS').length;
      return {
        status:
          failed === 0
            ? 'SUCCESS'
            : failed === results.length && results.every((r) => r.status === 'ERROR')
              ? 'ERROR'
              : 'PARTIAL',
        clusters: results,
      };
    },
  };
}

import {
  InputError,
  type MetricResult,
  type MetricResultStatus,
  type MetricResultType,
  type MetricSeries,
  UpstreamError,
} from '@opspilot/core';
import { relabelled } from '../prometheus/packedSamples.js';
import { DEFAULT_METRIC_LIMITS, type MetricLimits } from './metricLimits.js';

/** What one cluster answered before tagging. */
export interface ClusterAnswer {
  resultType: MetricResultType;
  series: MetricSeries[];
  /** Warnings of the source (Thanos partial responses, …): the cluster's result becomes PARTIAL. */
  warnings: string[];
}

/** A cluster a query fans out to. */
export interface FanOutCluster {
  id: string;
  name: string;
}

/**
 * A federated answer (seed 003 §3.2): one {@link MetricResult} per cluster with its own status, and the status of the
 * whole — SUCCESS when every cluster succeeded, PARTIAL when some failed or were cut, ERROR when none answered.
 */
export interface FederatedAnswer {
  status: MetricResultStatus;
  results: MetricResult[];
}

/** Options of {@link fanOut}. */
export interface FanOutOptions {
  /** Deadline per cluster in milliseconds; a cluster that misses it is TIMEOUT. */
  timeoutMs: number;
  limits?: MetricLimits;
  signal?: AbortSignal;
  now?: () => number;
}

class Deadline extends Error {}

/**
 * Runs `ask` against every cluster in parallel, each under its own deadline, and tags each answer with its cluster
 * and status. A cluster that fails is reported in its result (ERROR or TIMEOUT, with the reason), never thrown; the
 * exception is a query every cluster would refuse (an {@link InputError} such as a PromQL syntax error), which is
 * thrown with the source's own message. Series over `limits.maxSeries` are dropped and the cluster is PARTIAL.
 */
export async function fanOut<C extends FanOutCluster>(
  clusters: readonly C[],
  ask: (cluster: C, signal: AbortSignal) => Promise<ClusterAnswer>,
  options: FanOutOptions,
): Promise<FederatedAnswer> {
  const limits = options.limits ?? DEFAULT_METRIC_LIMITS;
  const now = options.now ?? Date.now;
  const results = await Promise.all(
    clusters.map(async (cluster): Promise<MetricResult | InputError> => {
      const started = now();
      const controller = new AbortController();
      const onAbort = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort(new Deadline());
          reject(new Deadline());
        }, options.timeoutMs);
      });
      const tag = { cluster_id: cluster.id, cluster_name: cluster.name };
      try {
        const answer = await Promise.race([ask(cluster, controller.signal), deadline]);
        const kept = answer.series.length > limits.maxSeries ? answer.series.slice(0, limits.maxSeries) : answer.series;
        const notes = [...answer.warnings];
        if (kept.length < answer.series.length) {
          notes.push(
            `kept ${limits.maxSeries} of ${answer.series.length} series (the series limit): aggregate with sum by (…) or add label matchers`,
          );
        }
        return {
          ...tag,
          status: notes.length > 0 ? 'PARTIAL' : 'SUCCESS',
          result_type: answer.resultType,
          data: kept,
          ...(notes.length > 0 ? { error: notes.join('; ') } : {}),
          query_time_ms: Math.max(0, Math.round(now() - started)),
        };
      } catch (error) {
        if (error instanceof InputError) return error;
        const timedOut =
          error instanceof Deadline ||
          (error instanceof UpstreamError && (error.details?.reason as string | undefined) === 'TIMEOUT');
        const message = timedOut
          ? `no answer within ${options.timeoutMs / 1000}s`
          : error instanceof Error
            ? error.message
            : String(error);
        return {
          ...tag,
          status: timedOut ? 'TIMEOUT' : 'ERROR',
          data: [],
          error: `${cluster.name}: ${message}`,
          query_time_ms: Math.max(0, Math.round(now() - started)),
        };
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      }
    }),
  );
  const refused = results.find((r): r is InputError => r instanceof InputError);
  if (refused) throw refused;
  const tagged = results as MetricResult[];
  return { status: overallStatus(tagged), results: tagged };
}

/** SUCCESS when all succeeded, ERROR when none answered, PARTIAL otherwise. */
export function overallStatus(results: readonly MetricResult[]): MetricResultStatus {
  if (results.every((r) => r.status === 'SUCCESS')) return 'SUCCESS';
  if (results.every((r) => r.status === 'ERROR' || r.status === 'TIMEOUT')) return 'ERROR';
  return 'PARTIAL';
}

/**
 * Every series of a federated answer in one list, each labelled `cluster` with its cluster's name (for charts);
 * samples still packed stay so (see packedSamples).
 */
export function mergeSeries(results: readonly MetricResult[]): MetricSeries[] {
  const merged: MetricSeries[] = [];
  for (const r of results) {
    for (const s of r.data) merged.push(relabelled(s, { ...s.metric, cluster: r.cluster_name }));
  }
  return merged;
}

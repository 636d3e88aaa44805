import type { Clock, Cluster, EventBus } from '@opspilot/core';
import type { FastifyBaseLogger } from 'fastify';
import { createWatchedPublisher } from '../events/createWatchedPublisher.js';
import type { ServerMetrics } from './createServerMetrics.js';

/** Named-query series watched for METRIC_UPDATE events. */
export interface MetricUpdates {
  /**
   * Publishes `METRIC_UPDATE` for this named query on this cluster every interval until the returned time (5 minutes
   * from now); watching again extends it. Payload: `{ name, params, status, series: [{ metric, value: [t, "v"] }] }`.
   */
  watch(cluster: Cluster, name: string, params: Record<string, unknown>): Date;
  close(): void;
}

/** What {@link createMetricUpdates} works with. */
export interface MetricUpdatesOptions {
  metrics: Pick<ServerMetrics, 'over'>;
  bus: EventBus;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Milliseconds between updates (default 15 s). */
  intervalMs?: number;
  /** How long one `watch` lasts (default 5 minutes). */
  ttlMs?: number;
}

/**
 * Sends the latest values of watched series as `METRIC_UPDATE` events, so open charts move without polling. At most
 * 100 watches are kept (the oldest dropped); each is evaluated as an instant named query on its own cluster.
 */
export function createMetricUpdates(options: MetricUpdatesOptions): MetricUpdates {
  const publisher = createWatchedPublisher<{ cluster: Cluster; name: string; params: Record<string, unknown> }>({
    clock: options.clock,
    bus: options.bus,
    intervalMs: options.intervalMs ?? 15_000,
    ttlMs: options.ttlMs ?? 5 * 60_000,
    maxWatches: 100,
    async read({ cluster, name, params }) {
      const answer = await options.metrics.over([cluster]).named(name, params, { instant: true, timeout: 10 });
      const result = answer.results[0];
      return {
        event_type: 'METRIC_UPDATE',
        cluster_id: cluster.id,
        payload: {
          name,
          params,
          status: result?.status ?? 'ERROR',
          series: (result?.data ?? []).map((s) => ({ metric: s.metric, value: s.values.at(-1) ?? null })),
        },
      };
    },
    onError: (error) => options.logger.debug({ err: error }, 'metric update failed'),
  });
  return {
    watch: (cluster, name, params) =>
      publisher.watch(JSON.stringify([cluster.id, name, params]), { cluster, name, params }),
    close: () => publisher.close(),
  };
}

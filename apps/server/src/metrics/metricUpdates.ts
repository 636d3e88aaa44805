import { randomUUID } from 'node:crypto';
import type { Clock, Cluster, EventBus } from '@opspilot/core';
import type { FastifyBaseLogger } from 'fastify';
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
  const intervalMs = options.intervalMs ?? 15_000;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const watches = new Map<string, { cluster: Cluster; name: string; params: Record<string, unknown>; until: number }>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  async function tick() {
    if (busy) return;
    busy = true;
    try {
      const now = options.clock.now().getTime();
      for (const [key, w] of watches) {
        if (w.until < now) {
          watches.delete(key);
          continue;
        }
        const answer = await options.metrics.over([w.cluster]).named(w.name, w.params, { instant: true, timeout: 10 });
        const result = answer.results[0];
        await options.bus.publish({
          event_id: randomUUID(),
          event_type: 'METRIC_UPDATE',
          cluster_id: w.cluster.id,
          timestamp: new Date(now).toISOString(),
          payload: {
            name: w.name,
            params: w.params,
            status: result?.status ?? 'ERROR',
            series: (result?.data ?? []).map((s) => ({ metric: s.metric, value: s.values.at(-1) ?? null })),
          },
        } as Parameters<EventBus['publish']>[0]);
      }
      if (watches.size === 0) {
        clearInterval(timer);
        timer = undefined;
      }
    } catch (error) {
      options.logger.debug({ err: error }, 'metric update failed');
    } finally {
      busy = false;
    }
  }

  return {
    watch(cluster, name, params) {
      const key = JSON.stringify([cluster.id, name, params]);
      const until = options.clock.now().getTime() + ttlMs;
      watches.delete(key);
      watches.set(key, { cluster, name, params, until });
      while (watches.size > 100) watches.delete(watches.keys().next().value as string);
      if (!timer) {
        timer = setInterval(() => void tick(), intervalMs);
        timer.unref();
        void tick();
      }
      return new Date(until);
    },
    close() {
      clearInterval(timer);
      timer = undefined;
      watches.clear();
    },
  };
}

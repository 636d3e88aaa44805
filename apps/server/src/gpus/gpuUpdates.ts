import type { Clock, Cluster, EventBus } from '@opspilot/core';
import type { FastifyBaseLogger } from 'fastify';
import { createWatchedPublisher } from '../events/createWatchedPublisher.js';
import type { GpuFleet } from './createGpuFleet.js';

/** Clusters whose GPUs are watched for GPU_UPDATE events. */
export interface GpuUpdates {
  /**
   * Publishes `GPU_UPDATE` for this cluster every interval until the returned time (5 minutes from now); watching
   * again extends it. Payload: `{ status, error?, nodes: [{ node_name, product, xid_errors, gpus: [{ index, uuid,
   * utilization_gpu_percent, memory_used_mb, memory_total_mb, temperature_celsius, power_draw_watts }] }] }`.
   */
  watch(cluster: Cluster): Date;
  close(): void;
}

/** What {@link createGpuUpdates} works with. */
export interface GpuUpdatesOptions {
  gpus: GpuFleet;
  bus: EventBus;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Milliseconds between updates (default 15 s, dcgm-exporter's collection interval). */
  intervalMs?: number;
  /** How long one `watch` lasts (default 5 minutes). */
  ttlMs?: number;
}

/**
 * Sends the latest GPU readings of watched clusters as `GPU_UPDATE` events (seed 003 §6.1), so open GPU pages move
 * without polling. At most 50 clusters are watched at once (the oldest dropped).
 */
export function createGpuUpdates(options: GpuUpdatesOptions): GpuUpdates {
  const publisher = createWatchedPublisher<Cluster>({
    clock: options.clock,
    bus: options.bus,
    intervalMs: options.intervalMs ?? 15_000,
    ttlMs: options.ttlMs ?? 5 * 60_000,
    maxWatches: 50,
    async read(cluster) {
      const [result] = (await options.gpus.list([cluster])).clusters;
      if (!result) return undefined;
      return {
        event_type: 'GPU_UPDATE',
        cluster_id: cluster.id,
        payload: {
          status: result.status,
          ...(result.error ? { error: result.error } : {}),
          nodes: result.nodes.map((n) => ({
            node_name: n.node_name,
            product: n.product,
            xid_errors: n.xid_errors,
            gpus: n.gpus.map((g) => ({
              index: g.index,
              uuid: g.uuid,
              utilization_gpu_percent: g.utilization_gpu_percent,
              memory_used_mb: g.memory_used_mb,
              memory_total_mb: g.memory_total_mb,
              temperature_celsius: g.temperature_celsius,
              power_draw_watts: g.power_draw_watts,
            })),
          })),
        },
      };
    },
    onError: (error) => options.logger.debug({ err: error }, 'gpu update failed'),
  });
  return { watch: (cluster) => publisher.watch(cluster.id, cluster), close: () => publisher.close() };
}

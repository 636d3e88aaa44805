import { createEventBus } from '@opspilot/bus';
import type { OpspilotConfig } from '@opspilot/config';
import { type Clock, durationToMs, type EventBus, systemClock } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import type { FastifyBaseLogger } from 'fastify';
import { createAuthService } from '../auth/authService.js';
import { remountMcpServers } from '../chat/serverToolRegistry.js';
import { createRecentEvents } from '../events/recentEvents.js';
import { createFleetWatchers, type FleetWatchersOptions } from '../fleet/createFleetWatchers.js';
import { withReconciliation } from '../fleet/reconcileFleet.js';
import { createGpuFleet } from '../gpus/createGpuFleet.js';
import { createGpuUpdates } from '../gpus/gpuUpdates.js';
import { createServerMetrics } from '../metrics/createServerMetrics.js';
import { createMetricUpdates } from '../metrics/metricUpdates.js';
import { createAlertIngest } from '../webhooks/createAlertIngest.js';
import type { ApiServices } from './apiServices.js';
import { type ClusterGatewaysOptions, createClusterGateways } from './clusterGateways.js';

/** What {@link createApiServices} needs; `clock` and `bus` are for tests (default: wall clock, `events.bus`). */
export interface CreateApiServicesOptions {
  config: OpspilotConfig;
  store: Store;
  logger: FastifyBaseLogger;
  clock?: Clock;
  bus?: EventBus;
  /** Isolates the Redis channel / NATS stream (tests run several servers on one broker). */
  busNamespace?: string;
  /** Builds a cluster's gateway (tests count them); `createClusterGateway` by default. */
  createGateway?: ClusterGatewaysOptions['create'];
  /** Probe and analysis intervals of the fleet watchers (tests shorten them). */
  fleet?: Pick<FleetWatchersOptions, 'probeIntervalMs' | 'debounceMs' | 'owns'>;
}

/**
 * Wires the API's services: the event bus `events.bus` selects, authentication with the `auth` timeouts, recent events
 * the per-cluster gateways, the fleet watchers (not started) and the alert ingest queue. `close()` lets queued alerts be
 * stored, stops the watchers, then closes the gateways
 * and the bus it opened.
 */
export async function createApiServices(
  options: CreateApiServicesOptions,
): Promise<ApiServices & { close(): Promise<void> }> {
  const { config, store, logger } = options;
  const clock = options.clock ?? systemClock;
  const bus = options.bus ?? (await createEventBus({ ...config.events, namespace: options.busNamespace, logger }));
  const auth = createAuthService(store, clock, {
    idleTimeoutMs: durationToMs(config.auth.session_idle_timeout),
    absoluteTimeoutMs: durationToMs(config.auth.session_absolute_timeout),
    maxFailures: config.auth.login_max_failures,
    windowMs: durationToMs(config.auth.login_window),
  });
  const recent = createRecentEvents(bus);
  const gateways = createClusterGateways({
    store,
    clock,
    bus,
    allowedExecCommands: config.clusters.allowed_exec_commands,
    create: options.createGateway,
  });
  const alertIngest = createAlertIngest({ store, bus, clock, logger });
  const metrics = createServerMetrics({ config, gateways, clock, logger });
  const metricUpdates = createMetricUpdates({ metrics, bus, clock, logger });
  const fleet = withReconciliation(createFleetWatchers({ store, bus, clock, gateways, logger, ...options.fleet }), {
    store,
    gateways,
    clock,
    logger,
    bus,
  });
  const gpus = createGpuFleet({ metrics, fleet, clock });
  const gpuUpdates = createGpuUpdates({ gpus, bus, clock, logger });
  const services: ApiServices & { close(): Promise<void> } = {
    config,
    store,
    bus,
    auth,
    clock,
    recent,
    logger,
    gateways,
    alertIngest,
    fleet,
    metrics,
    metricUpdates,
    gpus,
    gpuUpdates,
    async close() {
      // Connections to the organisation's external MCP servers (stdio children, HTTP sessions).
      await remountMcpServers(services);
      gpuUpdates.close();
      metricUpdates.close();
      metrics.close();
      await alertIngest.idle();
      await fleet.close();
      gateways.close();
      recent.stop();
      if (!options.bus) await bus.close();
    },
  };
  return services;
}

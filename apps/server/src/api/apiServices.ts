import type { OpspilotConfig } from '@opspilot/config';
import type { Clock, EventBus, JobQueue } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import type { FastifyBaseLogger } from 'fastify';
import type { AuthService } from '../auth/authService.js';
import type { RecentEvents } from '../events/recentEvents.js';
import type { FleetWatchers } from '../fleet/createFleetWatchers.js';
import type { GpuFleet } from '../gpus/createGpuFleet.js';
import type { GpuUpdates } from '../gpus/gpuUpdates.js';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';
import type { MetricUpdates } from '../metrics/metricUpdates.js';
import type { AlertIngest } from '../webhooks/createAlertIngest.js';
import type { ClusterGateways } from './clusterGateways.js';

/** Everything the API's procedures, the event socket and the webhooks work with; wired by `startServer`. */
export interface ApiServices {
  config: OpspilotConfig;
  store: Store;
  bus: EventBus;
  auth: AuthService;
  clock: Clock;
  /** The last events published on the bus, for `events.recent`. */
  recent: RecentEvents;
  logger: FastifyBaseLogger;
  /** One gateway per registered cluster, reused by every request and closed with the cluster or the server. */
  gateways: ClusterGateways;
  /** Stores accepted Alertmanager notifications in bounded batches, off the request path. */
  alertIngest: AlertIngest;
  /** The live watchers of the fleet (started by `main`; tests start them when they need them). */
  fleet: FleetWatchers;
  /** Metrics across clusters: each cluster's Prometheus, or the built-in sampler. */
  metrics: ServerMetrics;
  /** METRIC_UPDATE events of watched series. */
  metricUpdates: MetricUpdates;
  /** The GPU fleet (seed 003 §4) from the live model and dcgm-exporter series, and its GPU_UPDATE events. */
  gpus: GpuFleet;
  gpuUpdates: GpuUpdates;
  /** The background job queue (`jobs.queue`), when the server runs one (its parked jobs are listed by `jobs.parked`). */
  jobs?: JobQueue;
}

import { configuredModel } from '@opspilot/ai-providers';
import { AnomalyDetection, type Cluster, type Event } from '@opspilot/core';
import {
  actionCatalog,
  createFindingFeed,
  createIncidentCommander,
  createIncidentEngine,
  createRunbookLibrary,
  createRunbookRunner,
  createWebhookNotifier,
  type IncidentCommander,
  type IncidentDeps,
  labelTopology,
  type Signal,
  signalFromAlert,
  signalFromAnomaly,
  snapshotTopology,
  type Topology,
  WebhookEndpoint,
} from '@opspilot/incidents';
import { diffObjects } from '@opspilot/kube';
import { signalMetricsSource } from '../anomaly/signalMetricsSource.js';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';
import { traceSourceOf } from '../traces/searchTraces.js';

/** How often the live findings of every watched cluster are fed to the correlator, and incidents auto-resolved. */
export const OBSERVE_INTERVAL_MS = 30_000;

/**
 * The outgoing incident webhooks of `incidents.webhooks` (validated by the configuration; `OPSPILOT_INCIDENTS_WEBHOOKS`
 * or the older `OPSPILOT_INCIDENT_WEBHOOKS` override the file).
 */
export function webhookEndpointsOf(config: ApiServices['config']): WebhookEndpoint[] {
  return config.incidents.webhooks.map((w) => WebhookEndpoint.parse(w));
}

/**
 * The incident commander of the server: one correlator for the whole fleet (topology per cluster from its live
 * model), fed by stored alerts (ALERT_FIRED / ALERT_RESOLVED), anomalies (ANOMALY_DETECTED) and every watched cluster's
 * live findings; incidents, timelines, runbooks and executions in the store; audit entries announced on the bus;
 * outgoing webhooks from `incidents.webhooks`. `commanderFor(cluster)` adds that cluster's gateway, metrics and traces
 * for analysis, and runbooks; with `llm` configured, post-mortem summaries are written by the model.
 */
export function createIncidentServices(services: ApiServices) {
  const { store, bus, clock, logger } = services;
  const audit = {
    ...store.audit,
    append: (entry: Parameters<typeof store.audit.append>[0]) => publishAudit(services, entry),
  };
  const notifier = createWebhookNotifier(
    webhookEndpointsOf(services.config),
    async (url, headers, body) =>
      (await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })).status,
    clock,
    {
      onDelivery: (d) => {
        if (!d.ok)
          logger.warn({ url: d.url, notice: d.notice, status: d.status, error: d.error }, 'incident webhook failed');
      },
    },
  );
  const deps: IncidentDeps = {
    records: store.incidents,
    audit,
    clock,
    bus,
    notify: async (notice, incident) => void (await notifier.notify(notice, incident)),
  };
  const topologies = new Map<string, Topology>();
  const topology: Topology = {
    anchorsOf: (s) => (topologies.get(s.cluster_id ?? '') ?? labelTopology).anchorsOf(s),
    rootOf: (s) => (topologies.get(s.cluster_id ?? '') ?? labelTopology).rootOf?.(s),
  };
  const engine = createIncidentEngine(deps, { topology });
  const catalog = actionCatalog();
  const library = createRunbookLibrary({ runbooks: store.runbooks, versions: store.runbookVersions }, audit, catalog);
  const feeds = new Map<string, ReturnType<typeof createFindingFeed>>();
  const allClusters = async (): Promise<Cluster[]> => (await store.clusters.list({}, { page_size: 100 })).items;
  const metrics = signalMetricsSource(services.metrics, allClusters);
  const model = configuredModel(services.config.llm);
  if (!model.ok) logger.warn({ err: model.error }, 'post-mortem summaries stay deterministic: the model is not usable');
  let installed: Promise<number> | undefined;
  /** Saves the shipped runbooks on first use (not at start: a server that never runs one writes nothing). */
  const ready = () => {
    installed ??= library.installShipped().catch((error: unknown) => {
      installed = undefined;
      throw error;
    });
    return installed;
  };

  async function commanderFor(clusterId: string): Promise<IncidentCommander> {
    await ready();
    const gateway = await services.gateways.get(clusterId);
    const runner = createRunbookRunner({
      library,
      executions: store.runbookExecutions,
      ops: {
        gateway,
        operations: store.operations,
        audit,
        commands: store.aiCommands,
        clock,
        clusterId,
        diff: diffObjects,
      },
      catalog,
      audit,
      clock,
      timeline: (id, entry) => engine.record(id, entry),
      incidentSignals: async (id) => (await engine.signalsOf(id)).map((h) => h.signal),
    });
    return createIncidentCommander({
      deps,
      engine,
      evidence: { gateway, audit: store.audit, clock, metrics, traces: traceSourceOf(services).source, clusterId },
      library,
      runner,
      model: model.ok ? model.value : undefined,
    });
  }

  const ingest = (signals: Signal[]) =>
    engine.ingest(signals).catch((error: unknown) => {
      logger.warn({ err: error }, 'correlating signals failed');
      return [];
    });

  async function onEvent(event: Event) {
    if (event.event_type === 'ALERT_FIRED' || event.event_type === 'ALERT_RESOLVED') {
      const id = event.payload.alert_id;
      const alert = typeof id === 'string' ? await store.alerts.find(id) : undefined;
      if (alert) await ingest([signalFromAlert(alert)]);
    } else if (event.event_type === 'ANOMALY_DETECTED') {
      // The §5.6 record rides in `payload.anomaly` (see @opspilot/anomaly's anomalyDetectedEvent).
      const anomaly = AnomalyDetection.safeParse(event.payload.anomaly);
      if (anomaly.success) await ingest([signalFromAnomaly(anomaly.data)]);
    }
  }

  /**
   * One pass: each watched cluster's live findings (with their causes' sightings, so an incident starts when its
   * cause was first seen and a cause back after its incident was resolved is recurring) and topology, then incidents
   * whose signals stayed clear resolve.
   */
  async function observe() {
    const clusters = await store.clusters.list({}, { page_size: 100 });
    const touched = [];
    for (const cluster of clusters.items) {
      const watch = services.fleet.get(cluster.id);
      if (!watch) continue;
      topologies.set(cluster.id, snapshotTopology(watch.model.snapshot(cluster.name, clock.now())));
      const feed = feeds.get(cluster.id) ?? createFindingFeed({ clusterId: cluster.id });
      feeds.set(cluster.id, feed);
      touched.push(...(await ingest(feed.update(watch.findings(), clock.now().toISOString(), watch.sightings()))));
    }
    const resolved = await engine.tick();
    return { touched, resolved };
  }

  /**
   * After a restart: each run left RUNNING resumes on its cluster (named by the run, or by its incident); a run whose
   * cluster is unknown or no longer registered is ended as interrupted, with the reason, never left RUNNING.
   */
  async function resumeRunbooks() {
    const running = await store.runbookExecutions.list({ status: 'RUNNING' }, { page_size: 100 });
    const byCluster = new Map<string, string[]>();
    for (const e of running.items) {
      const incident = !e.cluster_id && e.incident_id ? await store.incidents.find(e.incident_id) : undefined;
      const clusterId = e.cluster_id ?? incident?.cluster_id;
      const cluster = clusterId ? await store.clusters.find(clusterId) : undefined;
      if (cluster) byCluster.set(cluster.id, [...(byCluster.get(cluster.id) ?? []), e.id]);
      else
        await detachedRunner()
          .interrupt(e.id, clusterId ? `cluster ${clusterId} is no longer registered` : 'the run names no cluster')
          .catch((error: unknown) => logger.warn({ err: error, execution: e.id }, 'ending a runbook run failed'));
    }
    for (const [clusterId, ids] of byCluster) {
      await (await commanderFor(clusterId)).runner
        .recover(ids)
        .catch((error: unknown) => logger.warn({ err: error, executions: ids }, 'resuming runbook runs failed'));
    }
  }

  /** A runner without a cluster, for ending runs whose cluster is gone (it never reaches a cluster). */
  const detachedRunner = () => {
    const gone = new Proxy({} as Awaited<ReturnType<typeof services.gateways.get>>, {
      get: () => () => Promise.reject(new Error('the run has no cluster')),
    });
    return createRunbookRunner({
      library,
      executions: store.runbookExecutions,
      ops: { gateway: gone, operations: store.operations, audit, commands: store.aiCommands, clock, diff: diffObjects },
      catalog,
      audit,
      clock,
      timeline: (id, entry) => engine.record(id, entry),
    });
  };

  let unsubscribe: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    engine,
    library,
    ready,
    commanderFor,
    observe,
    /** Restores the correlator, resumes interrupted runbook runs and starts listening and observing. */
    async start() {
      await engine.restore();
      await resumeRunbooks();
      unsubscribe = bus.subscribe({ event_types: ['ALERT_FIRED', 'ALERT_RESOLVED', 'ANOMALY_DETECTED'] }, (event) =>
        onEvent(event).catch((error: unknown) => logger.warn({ err: error }, 'incident intake failed')),
      );
      timer = setInterval(
        () => void observe().catch((error: unknown) => logger.warn({ err: error }, 'incident observation failed')),
        OBSERVE_INTERVAL_MS,
      );
      timer.unref();
    },
    stop() {
      unsubscribe?.();
      clearInterval(timer);
    },
  };
}

/** The server's incident services. */
export type IncidentServices = ReturnType<typeof createIncidentServices>;

const created = new WeakMap<ApiServices, IncidentServices>();

/** The incident services of a server (one per `ApiServices`, created on first use). */
export function incidentsOf(services: ApiServices): IncidentServices {
  const found = created.get(services) ?? createIncidentServices(services);
  created.set(services, found);
  return found;
}

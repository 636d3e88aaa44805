import { AnomalyScanner, anomalyDetectedEvent, type ScanResult } from '@opspilot/anomaly';
import type { AnomalyDetection, Cluster, NewAnomalyDetection } from '@opspilot/core';
import type { ApiServices } from '../api/apiServices.js';
import { signalMetricsSource } from './signalMetricsSource.js';

/** How often the series that matter are scored (one scan reads every signal of every cluster). */
export const ANOMALY_SCAN_INTERVAL_MS = 60_000;
/** The job that runs a scan (one process at a time when several share the queue). */
export const ANOMALY_SCAN_JOB = 'anomalies.scan';

/** The server's anomaly detection: a scanner over every registered cluster, storing and publishing what it finds. */
export interface AnomalyScan {
  /** Scans now; resolves to what was scanned and the anomalies stored. */
  runOnce(signal?: AbortSignal): Promise<Omit<ScanResult, 'anomalies'> & { stored: AnomalyDetection[] }>;
  /** Stops the timer (when no job queue runs the scans). */
  stop(): void;
}

async function allClusters(services: Pick<ApiServices, 'store'>): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for (let page = 1; ; page++) {
    const result = await services.store.clusters.list({}, { page, page_size: 100 });
    out.push(...result.items);
    if (page >= result.total_pages) return out;
  }
}

/** Whether the same episode (same series, same start) is stored already, e.g. by a process that scanned before. */
async function storedAlready(services: Pick<ApiServices, 'store'>, a: NewAnomalyDetection): Promise<boolean> {
  const page = await services.store.anomalies.list(
    { cluster_id: a.cluster_id, metric_name: a.metric_name, detected_at: a.detected_at },
    { page_size: 100 },
  );
  const key = JSON.stringify(Object.entries(a.labels ?? {}).sort());
  return page.items.some((s) => JSON.stringify(Object.entries(s.labels).sort()) === key);
}

/**
 * Creates the scan over the server's metrics (Prometheus where configured, else the built-in sampler): each anomaly
 * found is stored (seed 003 §5.6) and published as `ANOMALY_DETECTED`. The scanner's per-series state (learned normal,
 * open episodes) lives in this process; a process that takes the job over learns again from the warm-up window and
 * does not store an episode twice.
 */
export function createAnomalyScan(
  services: Pick<ApiServices, 'store' | 'bus' | 'metrics' | 'clock' | 'logger'>,
): Pick<AnomalyScan, 'runOnce'> {
  const clusters = () => allClusters(services);
  const scanner = new AnomalyScanner({
    metrics: signalMetricsSource(services.metrics, clusters),
    clock: services.clock,
  });
  return {
    async runOnce(signal) {
      const ids = (await clusters()).map((c) => c.id);
      const { anomalies, ...rest } = await scanner.scan(ids, signal);
      const stored: AnomalyDetection[] = [];
      for (const found of anomalies) {
        if (await storedAlready(services, found)) continue;
        const anomaly = await services.store.anomalies.create(found);
        stored.push(anomaly);
        await services.bus.publish(anomalyDetectedEvent(anomaly));
      }
      if (rest.errors.length > 0)
        services.logger.debug({ errors: rest.errors }, 'anomaly scan could not read some series');
      if (stored.length > 0) services.logger.info({ anomalies: stored.length }, 'anomalies detected');
      return { ...rest, stored };
    },
  };
}

/**
 * Runs {@link createAnomalyScan} every {@link ANOMALY_SCAN_INTERVAL_MS}: as the scheduled job `anomalies.scan` of the
 * job queue when there is one (one process at a time), else on a timer of this process.
 */
export async function startAnomalyScan(
  services: Pick<ApiServices, 'store' | 'bus' | 'metrics' | 'clock' | 'logger' | 'jobs'>,
  intervalMs = ANOMALY_SCAN_INTERVAL_MS,
): Promise<AnomalyScan> {
  const scan = createAnomalyScan(services);
  const run = () =>
    scan.runOnce().catch((error: unknown) => services.logger.warn({ err: error }, 'anomaly scan failed'));
  if (services.jobs) {
    await services.jobs.process(ANOMALY_SCAN_JOB, async () => void (await scan.runOnce()), { exclusive: true });
    await services.jobs.schedule(ANOMALY_SCAN_JOB, {}, { everyMs: intervalMs });
    return { runOnce: scan.runOnce, stop: () => {} };
  }
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { runOnce: scan.runOnce, stop: () => clearInterval(timer) };
}

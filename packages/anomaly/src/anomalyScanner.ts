import { type Clock, MetricQuery, type MetricsSource, type NewAnomalyDetection } from '@opspilot/core';
import { ANOMALY_SIGNALS, type AnomalySignal } from './anomalySignals.js';
import { type DetectorOptions, detectorOptions } from './detectorOptions.js';
import { SeriesDetector } from './detectors/seriesDetector.js';
import { toAnomalyDetection } from './toAnomalyDetection.js';

/** Options of {@link AnomalyScanner}. */
export interface AnomalyScannerOptions {
  metrics: MetricsSource;
  clock: Clock;
  /** The series families scored (default {@link ANOMALY_SIGNALS}). */
  signals?: readonly AnomalySignal[];
  /** Seconds between points asked of the metrics source (default 60). */
  stepSeconds?: number;
  /** How far back a series never scanned is read to learn its normal (default 6 h). */
  warmupSeconds?: number;
  /** Most series kept; beyond it new series are skipped and counted (default 50,000). */
  maxSeries?: number;
  /** A series absent from the answers this long is forgotten (default 1 h). */
  forgetAfterSeconds?: number;
}

/** What one {@link AnomalyScanner.scan} did. */
export interface ScanResult {
  /** The episodes opened during this scan, as §5.6 records ready to store. */
  anomalies: NewAnomalyDetection[];
  series: number;
  points: number;
  skippedSeries: number;
  /** Signals or clusters that could not be read (the others are still scored). */
  errors: { signal: string; cluster_id?: string; error: string }[];
}

interface SeriesState {
  detector: SeriesDetector;
  lastTime: number;
  seenAt: number;
}

/**
 * Scores the series that matter, incrementally: each scan reads, per signal, the points since the previous scan
 * from the {@link MetricsSource} port (a first scan reads `warmupSeconds` back so each series learns its normal), feeds
 * each series' streaming {@link SeriesDetector}, and returns the episodes that opened. State lives in memory per
 * process; hysteresis is per series, so a flapping series yields one anomaly per episode, not one per scan.
 */
export class AnomalyScanner {
  private readonly series = new Map<string, SeriesState>();
  private readonly lastEnd = new Map<string, number>();
  private readonly signals: readonly AnomalySignal[];
  private readonly step: number;
  private readonly tuning = new Map<string, DetectorOptions>();

  constructor(private readonly options: AnomalyScannerOptions) {
    this.signals = options.signals ?? ANOMALY_SIGNALS;
    this.step = options.stepSeconds ?? 60;
  }

  /** Number of series with state. */
  get size(): number {
    return this.series.size;
  }

  /** Scores the points since the last scan of each of `clusterIds`. */
  async scan(clusterIds: readonly string[], abort?: AbortSignal): Promise<ScanResult> {
    const result: ScanResult = { anomalies: [], series: 0, points: 0, skippedSeries: 0, errors: [] };
    const now = Math.floor(this.options.clock.now().getTime() / 1000 / this.step) * this.step;
    this.forget(now);
    for (const signal of this.signals) {
      abort?.throwIfAborted();
      for (const clusterId of clusterIds) await this.scanSignal(signal, clusterId, now, result, abort);
    }
    return result;
  }

  private async scanSignal(
    signal: AnomalySignal,
    clusterId: string,
    now: number,
    result: ScanResult,
    abort?: AbortSignal,
  ): Promise<void> {
    const windowKey = `${clusterId}|${signal.id}`;
    const previous = this.lastEnd.get(windowKey);
    const start = previous !== undefined ? previous - 2 * this.step : now - (this.options.warmupSeconds ?? 6 * 3600);
    if (start >= now) return;
    let answers: Awaited<ReturnType<MetricsSource['query']>>;
    try {
      const query = MetricQuery.parse({
        query: signal.promql,
        cluster_ids: [clusterId],
        start_time: new Date(start * 1000).toISOString(),
        end_time: new Date(now * 1000).toISOString(),
        step: `${this.step}s`,
      });
      answers = await this.options.metrics.query(query, abort);
    } catch (error) {
      result.errors.push({ signal: signal.id, cluster_id: clusterId, error: (error as Error).message });
      return;
    }
    this.lastEnd.set(windowKey, now);
    for (const answer of answers) {
      if (answer.status !== 'SUCCESS' && answer.status !== 'PARTIAL') {
        result.errors.push({ signal: signal.id, cluster_id: answer.cluster_id, error: answer.error ?? answer.status });
        continue;
      }
      for (const s of answer.data) this.feed(answer.cluster_id, signal, s.metric, s.values, now, result);
    }
  }

  private feed(
    clusterId: string,
    signal: AnomalySignal,
    labels: Record<string, string>,
    values: [number, string][],
    now: number,
    result: ScanResult,
  ): void {
    const key = `${clusterId}|${signal.id}|${JSON.stringify(Object.entries(labels).sort())}`;
    let state = this.series.get(key);
    if (!state) {
      if (this.series.size >= (this.options.maxSeries ?? 50_000)) {
        result.skippedSeries++;
        return;
      }
      state = {
        detector: new SeriesDetector(this.tuningOf(signal)),
        lastTime: Number.NEGATIVE_INFINITY,
        seenAt: now,
      };
      this.series.set(key, state);
    }
    state.seenAt = now;
    result.series++;
    for (const [t, raw] of values) {
      if (t <= state.lastTime) continue;
      state.lastTime = t;
      result.points++;
      state.detector.update(t, Number(raw));
      if (state.detector.opened && state.detector.episode) {
        result.anomalies.push(toAnomalyDetection(clusterId, signal, labels, state.detector.episode));
      }
    }
  }

  private tuningOf(signal: AnomalySignal): DetectorOptions {
    let options = this.tuning.get(signal.id);
    if (!options) {
      options = detectorOptions({ stepSeconds: this.step, ...signal.detector });
      this.tuning.set(signal.id, options);
    }
    return options;
  }

  private forget(now: number): void {
    const limit = now - (this.options.forgetAfterSeconds ?? 3600);
    for (const [key, state] of this.series) if (state.seenAt < limit) this.series.delete(key);
  }
}

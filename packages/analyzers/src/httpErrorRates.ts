import { MetricQuery, type MetricResult, type MetricsSource } from '@opspilot/core';
import type { HttpErrorRate } from './signals.js';

/** The rate window of the queries (as the anomaly signals use, so both read the same burst). */
export const HTTP_RATE_WINDOW = '5m';

/** Requests answered 5xx per second, by workload (`namespace`, `app` labels of `http_requests_total`). */
export const HTTP_ERRORS_PROMQL = `sum by (namespace, app) (rate(http_requests_total{code=~"5.."}[${HTTP_RATE_WINDOW}]))`;

/** All requests per second, by workload. */
export const HTTP_REQUESTS_PROMQL = `sum by (namespace, app) (rate(http_requests_total[${HTTP_RATE_WINDOW}]))`;

/** Options of {@link readHttpErrorRates}. */
export interface HttpErrorRateOptions {
  /** The time the rates are read at (the `Clock` port's now). */
  now: Date;
  /** The clusters to ask (all the source knows when missing). */
  clusterIds?: string[];
  /** Keep only this namespace. */
  namespace?: string;
  signal?: AbortSignal;
}

const key = (m: Record<string, string>) => `${m.namespace ?? ''}\u0000${m.app ?? ''}`;

function lastValues(results: readonly MetricResult[]): Map<string, { labels: Record<string, string>; value: number }> {
  const out = new Map<string, { labels: Record<string, string>; value: number }>();
  for (const result of results) {
    if (result.status !== 'SUCCESS' && result.status !== 'PARTIAL') continue;
    for (const series of result.data) {
      const last = series.values.at(-1);
      const value = last ? Number(last[1]) : Number.NaN;
      if (!series.metric.app || !Number.isFinite(value)) continue;
      out.set(key(series.metric), { labels: series.metric, value });
    }
  }
  return out;
}

/**
 * Reads the HTTP request and 5xx rates of every workload from the {@link MetricsSource} port (Prometheus, or the
 * built-in sampler through its named queries), for `withHttpErrorRates` and the `workload-http-errors` analyzer.
 * A workload is its `app` label, taken as the Deployment of that name. A source that cannot answer (no series, an
 * error) gives no rates: the analyzer then stays silent rather than guessing.
 */
export async function readHttpErrorRates(
  metrics: MetricsSource,
  options: HttpErrorRateOptions,
): Promise<HttpErrorRate[]> {
  const end = options.now.toISOString();
  const start = new Date(options.now.getTime() - 60_000).toISOString();
  const ask = (query: string) =>
    metrics
      .query(
        MetricQuery.parse({
          query,
          cluster_ids: options.clusterIds ?? [],
          start_time: start,
          end_time: end,
          step: '30s',
        }),
        options.signal,
      )
      .catch((): MetricResult[] => []);
  const [errors, requests] = await Promise.all([ask(HTTP_ERRORS_PROMQL), ask(HTTP_REQUESTS_PROMQL)]);
  const errorsBy = lastValues(errors);
  const rates: HttpErrorRate[] = [];
  for (const [k, total] of lastValues(requests)) {
    const namespace = total.labels.namespace;
    if (options.namespace && namespace !== options.namespace) continue;
    rates.push({
      target: { kind: 'Deployment', name: total.labels.app!, ...(namespace ? { namespace } : {}) },
      errorsPerSecond: errorsBy.get(k)?.value ?? 0,
      requestsPerSecond: total.value,
      window: HTTP_RATE_WINDOW,
      query: HTTP_ERRORS_PROMQL,
    });
  }
  return rates;
}

import { InputError, UpstreamError } from '@opspilot/core';
import { readBodyText } from '../http/readBodyText.js';
import { PromEnvelope, PromNamesData, type PromQueryData, PromSeriesData } from './prometheusResponse.js';
import { readMatrixAnswer } from './readMatrixAnswer.js';
import { readQueryData } from './readQueryData.js';

/** The query data reader: hand-written for speed (see {@link readQueryData}), with a schema's `safeParse` shape. */
const QueryData = {
  safeParse(value: unknown) {
    const read = readQueryData(value);
    return read.ok
      ? { success: true as const, data: read.data }
      : { success: false as const, error: { issues: [{ path: [read.where], message: 'unexpected shape' }] } };
  },
};

/** Anything with zod's `safeParse` shape. */
type Reader<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
};

/** How opspilot signs in to a Prometheus (or Thanos, or a proxy in front of it). */
export type PrometheusAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/** Options of {@link createPrometheusClient}. */
export interface PrometheusClientOptions {
  /** Base URL, e.g. `http://prometheus:9090` or `https://thanos-querier:9091` (a path prefix is kept). */
  url: string;
  auth?: PrometheusAuth;
  /** Per-request deadline in milliseconds (default 30 s); also sent to Prometheus as `timeout`. */
  timeoutMs?: number;
  /** For tests and proxies; the global `fetch` by default. */
  fetch?: typeof fetch;
}

/** A query answer with the warnings Prometheus attached to it. */
export interface PromAnswer<T> {
  data: T;
  warnings: string[];
}

/** A time as Prometheus takes it: a Date or unix seconds. */
export type PromTime = Date | number;

/**
 * A client of the Prometheus HTTP API (`/api/v1/query`, `query_range`, `series`, `labels`, `label/<name>/values`).
 * A query Prometheus refuses (`bad_data`: a PromQL syntax error, a step too small) is an {@link InputError} carrying
 * Prometheus's own message; an unreachable server, a 5xx or a timeout is an {@link UpstreamError} (`source:
 * 'prometheus'`, `details.reason` `TIMEOUT` for a deadline). Reused by the alert and GPU sources.
 * @see https://prometheus.io/docs/prometheus/latest/querying/api/
 */
export interface PrometheusClient {
  readonly url: string;
  query(expr: string, time?: PromTime, signal?: AbortSignal): Promise<PromAnswer<PromQueryData>>;
  queryRange(
    expr: string,
    range: { start: PromTime; end: PromTime; stepSeconds: number },
    signal?: AbortSignal,
  ): Promise<PromAnswer<PromQueryData>>;
  series(
    match: string[],
    range?: { start: PromTime; end: PromTime },
    signal?: AbortSignal,
  ): Promise<Record<string, string>[]>;
  labels(signal?: AbortSignal): Promise<string[]>;
  labelValues(name: string, signal?: AbortSignal): Promise<string[]>;
}

const seconds = (t: PromTime) => String(typeof t === 'number' ? t : t.getTime() / 1000);

function authHeader(auth: PrometheusAuth | undefined): Record<string, string> {
  if (!auth || auth.type === 'none') return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  const pair = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
  return { authorization: `Basic ${pair}` };
}

/** Creates a {@link PrometheusClient}; nothing is requested until a method is called. */
export function createPrometheusClient(options: PrometheusClientOptions): PrometheusClient {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? fetch;
  const headers = { accept: 'application/json', ...authHeader(options.auth) };

  async function call<T>(
    path: string,
    params: URLSearchParams,
    schema: Reader<T>,
    signal?: AbortSignal,
    method: 'GET' | 'POST' = 'POST',
  ) {
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let response: Response;
    let text: string;
    try {
      const query = params.toString();
      response = await doFetch(
        method === 'GET' ? `${base}${path}${query ? `?${query}` : ''}` : `${base}${path}`,
        method === 'GET'
          ? { headers, signal: combined }
          : {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
              body: query,
              signal: combined,
            },
      );
      text = await readBodyText(response);
    } catch (error) {
      if (deadline.aborted) {
        throw new UpstreamError(`Prometheus at ${base} did not answer within ${timeoutMs / 1000}s`, {
          source: 'prometheus',
          retryable: true,
          cause: error,
          details: { reason: 'TIMEOUT', url: base },
          hint: 'narrow the query (fewer series, a shorter range, a larger step) or raise metrics.timeout',
        });
      }
      if (signal?.aborted) throw error;
      throw new UpstreamError(
        `Prometheus at ${base} cannot be reached: ${(error as Error).cause ?? (error as Error).message}`,
        {
          source: 'prometheus',
          retryable: true,
          cause: error,
          details: { reason: 'UNREACHABLE', url: base },
          hint: 'check the Prometheus URL of the cluster (metrics.prometheus_url or the cluster endpoints) and that it is up',
        },
      );
    }
    return parseAnswer(base, response.status, text, schema);
  }

  return {
    url: base,
    query: (expr, time, signal) => {
      const p = new URLSearchParams({ query: expr, timeout: `${Math.ceil(timeoutMs / 1000)}s` });
      if (time !== undefined) p.set('time', seconds(time));
      return call('/api/v1/query', p, QueryData, signal);
    },
    queryRange: (expr, range, signal) => {
      const p = new URLSearchParams({
        query: expr,
        start: seconds(range.start),
        end: seconds(range.end),
        step: String(range.stepSeconds),
        timeout: `${Math.ceil(timeoutMs / 1000)}s`,
      });
      return call('/api/v1/query_range', p, QueryData, signal);
    },
    series: async (match, range, signal) => {
      const p = new URLSearchParams();
      for (const m of match) p.append('match[]', m);
      if (range) {
        p.set('start', seconds(range.start));
        p.set('end', seconds(range.end));
      }
      return (await call('/api/v1/series', p, PromSeriesData, signal)).data;
    },
    labels: async (signal) => (await call('/api/v1/labels', new URLSearchParams(), PromNamesData, signal)).data,
    labelValues: async (name, signal) =>
      (
        await call(
          `/api/v1/label/${encodeURIComponent(name)}/values`,
          new URLSearchParams(),
          PromNamesData,
          signal,
          'GET',
        )
      ).data,
  };
}

/** Reads an answer: Prometheus's own error for a refused query, an UpstreamError for anything else unexpected. */
function parseAnswer<T>(base: string, status: number, text: string, schema: Reader<T>): PromAnswer<T> {
  if (status === 200 && schema === (QueryData as Reader<unknown>)) {
    // A range over many series read in one pass; anything not written as Prometheus writes it takes the path below.
    const matrix = readMatrixAnswer(text);
    if (matrix) return { data: matrix.data as T, warnings: matrix.warnings };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UpstreamError(`Prometheus at ${base} answered HTTP ${status} with a body that is not JSON`, {
      source: 'prometheus',
      status,
      retryable: status >= 500,
      details: { body: text.slice(0, 200), url: base },
      hint:
        status === 401 || status === 403
          ? 'check the credentials (metrics.prometheus_token or username/password)'
          : 'check that the URL points at the Prometheus HTTP API (it answers /api/v1/query)',
    });
  }
  const envelope = PromEnvelope.safeParse(json);
  if (!envelope.success) {
    throw new UpstreamError(`Prometheus at ${base} answered HTTP ${status} in an unknown format`, {
      source: 'prometheus',
      status,
      details: { url: base },
    });
  }
  const body = envelope.data;
  if (body.status === 'error') {
    const message = body.error ?? `HTTP ${status}`;
    if (body.errorType === 'bad_data' || status === 400 || status === 422) {
      throw new InputError(`Prometheus refused the query: ${message}`, {
        details: { errorType: body.errorType, prometheus_error: message, url: base },
        hint: 'fix the PromQL expression (see https://prometheus.io/docs/prometheus/latest/querying/basics/)',
      });
    }
    const timeout = body.errorType === 'timeout';
    throw new UpstreamError(`Prometheus at ${base} failed the query (${body.errorType ?? status}): ${message}`, {
      source: 'prometheus',
      status,
      retryable: timeout || status >= 500,
      details: { reason: timeout ? 'TIMEOUT' : 'ERROR', errorType: body.errorType, url: base },
    });
  }
  const data = schema.safeParse(body.data);
  if (!data.success) {
    throw new UpstreamError(`Prometheus at ${base} sent data of an unexpected shape`, {
      source: 'prometheus',
      status,
      details: { issues: data.error.issues.slice(0, 3), url: base },
    });
  }
  return { data: data.data, warnings: body.warnings ?? [] };
}

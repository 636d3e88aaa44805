import { fetchJson, type HttpEndpoint } from '../http/fetchJson.js';
import { LokiLabelsResponse, LokiQueryResponse } from './lokiResponse.js';

/** Connection to a Loki: its URL, credentials and an optional tenant (`X-Scope-OrgID`). */
export interface LokiEndpoint extends HttpEndpoint {
  tenant?: string;
}

/** A range query as Loki takes it. */
export interface LokiRangeQuery {
  query: string;
  start: Date;
  end: Date;
  limit: number;
  direction: 'forward' | 'backward';
  signal?: AbortSignal;
}

/** Loki's HTTP API: range queries and label names/values. */
export interface LokiClient {
  queryRange(query: LokiRangeQuery): Promise<LokiQueryResponse['data']>;
  labels(options?: { start?: Date; end?: Date; signal?: AbortSignal }): Promise<string[]>;
  labelValues(name: string, options?: { start?: Date; end?: Date; signal?: AbortSignal }): Promise<string[]>;
}

const nanos = (date: Date | undefined) => (date ? `${BigInt(date.getTime()) * 1_000_000n}` : undefined);

/**
 * A client of Loki's HTTP API. Loki's own error text (e.g. a parse error of the LogQL) comes back in the
 * `UpstreamError`'s message.
 * @see https://grafana.com/docs/loki/latest/reference/loki-http-api/
 */
export function createLokiClient(endpoint: LokiEndpoint): LokiClient {
  const http: HttpEndpoint = {
    ...endpoint,
    headers: { ...endpoint.headers, ...(endpoint.tenant ? { 'X-Scope-OrgID': endpoint.tenant } : {}) },
  };
  return {
    async queryRange(q) {
      const query = {
        query: q.query,
        start: nanos(q.start),
        end: nanos(q.end),
        limit: q.limit,
        direction: q.direction,
      };
      const answer = await fetchJson(
        'loki',
        http,
        { path: '/loki/api/v1/query_range', query, signal: q.signal },
        LokiQueryResponse,
      );
      return answer.data;
    },
    async labels(options = {}) {
      const query = { start: nanos(options.start), end: nanos(options.end) };
      return (
        await fetchJson(
          'loki',
          http,
          { path: '/loki/api/v1/labels', query, signal: options.signal },
          LokiLabelsResponse,
        )
      ).data;
    },
    async labelValues(name, options = {}) {
      const query = { start: nanos(options.start), end: nanos(options.end) };
      const path = `/loki/api/v1/label/${encodeURIComponent(name)}/values`;
      return (await fetchJson('loki', http, { path, query, signal: options.signal }, LokiLabelsResponse)).data;
    },
  };
}

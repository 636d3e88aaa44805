import { UpstreamError } from '@opspilot/core';
import { fetchJson, type HttpEndpoint } from '../http/fetchJson.js';
import { TempoSearchResponse, type TempoSearchTrace, TempoTraceResponse } from './tempoResponse.js';

/** Connection to a Tempo query frontend: its URL, credentials and an optional tenant (`X-Scope-OrgID`). */
export interface TempoEndpoint extends HttpEndpoint {
  tenant?: string;
}

/** A search as Tempo takes it: a TraceQL query, trace duration bounds, a window in unix seconds and a limit. */
export interface TempoSearch {
  q: string;
  minDuration?: string;
  maxDuration?: string;
  start?: number;
  end?: number;
  limit: number;
  signal?: AbortSignal;
}

/** Tempo's HTTP query API: search and trace by id. */
export interface TempoClient {
  search(search: TempoSearch): Promise<TempoSearchTrace[]>;
  /** The trace's OTLP/JSON resource spans, or `undefined` when Tempo answers 404. */
  trace(traceId: string, signal?: AbortSignal): Promise<unknown[] | undefined>;
}

/**
 * A client of Tempo's HTTP API (`/api/search` with TraceQL, `/api/traces/<id>`). Tempo's own error text (e.g. a
 * TraceQL parse error) comes back in the `UpstreamError`'s message.
 * @see https://grafana.com/docs/tempo/latest/api_docs/
 */
export function createTempoClient(endpoint: TempoEndpoint): TempoClient {
  const http: HttpEndpoint = {
    ...endpoint,
    headers: { ...endpoint.headers, ...(endpoint.tenant ? { 'X-Scope-OrgID': endpoint.tenant } : {}) },
  };
  return {
    async search({ signal, ...query }) {
      return (await fetchJson('tempo', http, { path: '/api/search', query, signal }, TempoSearchResponse)).traces;
    },
    async trace(traceId, signal) {
      if (!/^[0-9a-f]{1,32}$/i.test(traceId)) return undefined;
      try {
        const answer = await fetchJson('tempo', http, { path: `/api/traces/${traceId}`, signal }, TempoTraceResponse);
        return answer.batches ?? answer.trace?.resourceSpans ?? [];
      } catch (error) {
        if (error instanceof UpstreamError && error.status === 404) return undefined;
        throw error;
      }
    },
  };
}

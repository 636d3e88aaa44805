import { NotAllowedError, NotFoundError, type Trace, type TraceQuery, type TraceSource } from '@opspilot/core';
import { createTempoClient, createTempoTraceSource } from '@opspilot/observe';
import { z } from 'zod';
import type { ApiServices } from '../api/apiServices.js';
import { visibleClusters } from '../api/visibleClusters.js';
import { canSeeCluster, type Principal } from '../auth/principal.js';
import { pruneSpansNow } from './traceRetention.js';

/** Where traces were read: the spans opspilot received, or the configured Tempo. */
export const TraceBackend = z.enum(['store', 'tempo']);
export type TraceBackend = z.infer<typeof TraceBackend>;

/** The answer of a trace search: the traces, where they came from, and what limited the search. */
export interface TraceAnswer {
  traces: Trace[];
  source: TraceBackend;
  limit: number;
  notes: string[];
}

/** The trace source of the server: Tempo when `tempo.url` is set, else the store's spans. */
export function traceSourceOf(services: ApiServices): { source: TraceSource; backend: TraceBackend } {
  const tempo = services.config.tempo;
  if (!tempo.url) return { source: services.store.spans, backend: 'store' };
  const client = createTempoClient({
    url: tempo.url,
    bearerToken: tempo.bearer_token,
    tenant: tempo.tenant,
    timeoutMs: tempo.timeout_ms,
  });
  return { source: createTempoTraceSource({ client, now: () => services.clock.now() }), backend: 'tempo' };
}

function requireAllClustersForTempo(principal: Principal) {
  if (principal.clusterIds !== 'all') {
    throw new NotAllowedError('traces come from Tempo, which does not separate clusters', {
      hint: 'ask an administrator: Tempo searches need access to every cluster',
    });
  }
}

/**
 * Searches traces for `principal`. From the store: only traces of clusters the caller may see (every trace, also of
 * no cluster, for a caller with access to all). From Tempo: callers with access to all clusters only; one cluster
 * named in `cluster_ids` becomes a `k8s.cluster.name` tag filter, several are not applied (said in `notes`).
 */
export async function searchTraces(
  services: ApiServices,
  principal: Principal,
  query: TraceQuery,
  signal?: AbortSignal,
): Promise<TraceAnswer> {
  const { source, backend } = traceSourceOf(services);
  const notes: string[] = [];
  let effective = query;
  if (backend === 'store') {
    await pruneSpansNow(services);
    if (principal.clusterIds !== 'all') {
      const visible = (await visibleClusters(services.store, principal)).map((c) => c.id);
      const ids = query.cluster_ids.length ? query.cluster_ids.filter((id) => visible.includes(id)) : visible;
      if (ids.length === 0) return { traces: [], source: backend, limit: query.limit, notes: ['no cluster of yours'] };
      effective = { ...query, cluster_ids: ids };
    }
  } else {
    requireAllClustersForTempo(principal);
    if (query.cluster_ids.length === 1) {
      const cluster = await services.store.clusters.find(query.cluster_ids[0] as string);
      if (cluster) effective = { ...query, tags: { ...query.tags, 'k8s.cluster.name': cluster.name } };
    } else if (query.cluster_ids.length > 1) {
      notes.push('Tempo searches all clusters at once: filter on one cluster, or on the k8s.cluster.name tag');
    }
  }
  const traces = await source.search(effective, signal);
  if (traces.length >= query.limit) notes.push(`the limit of ${query.limit} traces was reached; narrow the search`);
  return { traces, source: backend, limit: query.limit, notes };
}

/** One trace with its spans, if it exists and belongs to a cluster the caller may see; else `NotFoundError`. */
export async function getTrace(
  services: ApiServices,
  principal: Principal,
  traceId: string,
  signal?: AbortSignal,
): Promise<Trace> {
  const { source, backend } = traceSourceOf(services);
  if (backend === 'tempo') requireAllClustersForTempo(principal);
  const trace = await source.getTrace(traceId, signal);
  const visible =
    trace && (trace.cluster_id ? canSeeCluster(principal, trace.cluster_id) : principal.clusterIds === 'all');
  if (!trace || !visible) {
    throw new NotFoundError(`trace ${traceId} not found`, {
      hint:
        backend === 'store'
          ? `search the traces to see the ids kept (spans are kept for ${services.config.traces.retention})`
          : 'search the traces to see the ids Tempo knows',
    });
  }
  return trace;
}

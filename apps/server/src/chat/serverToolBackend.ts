import type { ProposedOperation, SignalFilter, ToolBackend } from '@opspilot/chat';
import { type Cluster, NotFoundError, roleAtLeast } from '@opspilot/core';
import { NAMED_QUERIES } from '@opspilot/observe';
import type { ApiServices } from '../api/apiServices.js';
import { serverOperations } from '../api/serverOperations.js';
import { visibleClusters } from '../api/visibleClusters.js';
import type { Principal } from '../auth/principal.js';
import { searchLogs } from '../observe/logSourceFor.js';
import { searchTraces } from '../traces/searchTraces.js';
import { moduleToolBackend } from './moduleToolBackend.js';

/** Options of {@link serverToolBackend}. */
export interface ServerToolBackendOptions {
  /** Narrows the caller's clusters to these ids (a chat session's cluster context); all visible when empty. */
  clusterIds?: readonly string[];
  /** No `propose` even for callers whose role allows it (`--read-only`). */
  readOnly?: boolean;
}

const quoted = (value: string) => JSON.stringify(value);

/**
 * The tools' view of the server for one caller: only the clusters they may see (and the conversation is scoped to),
 * read through each cluster's shared gateway; metrics, logs, traces, alerts, incidents, anomalies, security findings
 * and posture, cost allocation and recommendations through the same services as the API; `propose` through the operation lifecycle (OPERATOR and above), so a change waits for approval.
 */
export function serverToolBackend(
  services: ApiServices,
  principal: Principal,
  options: ServerToolBackendOptions = {},
): ToolBackend {
  const scoped = async (): Promise<Cluster[]> => {
    const visible = await visibleClusters(services.store, principal);
    return options.clusterIds?.length ? visible.filter((c) => options.clusterIds?.includes(c.id)) : visible;
  };
  const inScope = async (id: string) => {
    const cluster = (await scoped()).find((c) => c.id === id);
    if (!cluster) throw new NotFoundError(`cluster ${id} is not in scope`, { hint: 'call list_clusters' });
    return cluster;
  };
  const stored = async <T>(
    filter: SignalFilter,
    list: (clusterId: string, limit: number) => Promise<T[]>,
  ): Promise<T[]> => {
    const allowed = new Set((await scoped()).map((c) => c.id));
    const out: T[] = [];
    for (const id of filter.clusterIds.filter((c) => allowed.has(c))) out.push(...(await list(id, filter.limit)));
    return out.slice(0, filter.limit);
  };
  const state = (filter: SignalFilter) => (filter.states?.length === 1 ? filter.states[0] : undefined);
  const mayPropose = !options.readOnly && roleAtLeast(principal.user.role, 'OPERATOR');
  return {
    clusters: async () => (await scoped()).map((c) => ({ id: c.id, name: c.name, status: c.status.state })),
    cluster: async (id) => services.gateways.get((await inScope(id)).id),
    metrics: {
      catalog: async () => NAMED_QUERIES.map((q) => ({ name: q.name, description: q.title })),
      named: async (clusterId, name, params) =>
        services.metrics.over([await inScope(clusterId)]).named(name, params, { cluster_ids: [clusterId] }),
      promql: async (clusterId, query, rangeMinutes) => {
        const metrics = services.metrics.over([await inScope(clusterId)]);
        if (!rangeMinutes) return metrics.instant(query, { cluster_ids: [clusterId] });
        const end = services.clock.now();
        return metrics.range(query, {
          cluster_ids: [clusterId],
          start_time: new Date(end.getTime() - rangeMinutes * 60_000).toISOString(),
          end_time: end.toISOString(),
        });
      },
    },
    searchLogs: async (search) => {
      await inScope(search.clusterId);
      const selector = [
        ...(search.namespace ? [`namespace=${quoted(search.namespace)}`] : []),
        ...(search.pod ? [`pod=${quoted(search.pod)}`] : []),
      ];
      const query = search.query ?? `{${selector.join(',')}}${search.contains ? ` |= ${quoted(search.contains)}` : ''}`;
      const end = services.clock.now();
      return searchLogs(services, principal, {
        cluster_ids: [search.clusterId],
        query,
        start_time: new Date(end.getTime() - search.sinceMs).toISOString(),
        end_time: end.toISOString(),
        limit: search.limit,
        direction: 'BACKWARD',
      });
    },
    searchTraces: async (search) => {
      if (search.clusterId) await inScope(search.clusterId);
      const end = services.clock.now();
      const answer = await searchTraces(services, principal, {
        cluster_ids: search.clusterId ? [search.clusterId] : (await scoped()).map((c) => c.id),
        ...(search.service ? { service_name: search.service } : {}),
        ...(search.minDurationMs !== undefined ? { min_duration_ms: search.minDurationMs } : {}),
        ...(search.errorsOnly ? { tags: { error: 'true' } } : {}),
        start_time: new Date(end.getTime() - search.sinceMs).toISOString(),
        end_time: end.toISOString(),
        limit: search.limit,
      } as never);
      return { ...answer, traces: answer.traces.map(({ spans: _spans, ...t }) => t) };
    },
    alerts: (filter) =>
      stored(filter, async (id, limit) => {
        const s = state(filter);
        return (
          await services.store.alerts.list({ cluster_id: id, ...(s ? { state: s } : {}) } as never, {
            page_size: limit,
          })
        ).items;
      }),
    incidents: (filter) =>
      stored(filter, async (id, limit) => {
        const s = state(filter);
        return (
          await services.store.incidents.list({ cluster_id: id, ...(s ? { status: s } : {}) } as never, {
            page_size: limit,
          })
        ).items;
      }),
    anomalies: (filter) =>
      stored(
        filter,
        async (id, limit) => (await services.store.anomalies.list({ cluster_id: id }, { page_size: limit })).items,
      ),
    // Security findings and posture, cost allocation and recommendations: the same queries as their routers.
    ...moduleToolBackend(services, inScope),
    ...(mayPropose
      ? {
          propose: async (clusterId: string, request: string, namespace?: string): Promise<ProposedOperation> => {
            await inScope(clusterId);
            const ops = await serverOperations(services, clusterId, { principal });
            const proposed = await ops.propose(request, {
              user: principal.user.username,
              ...(namespace ? { namespace } : {}),
            });
            if (proposed.kind !== 'operation') {
              const message =
                'question' in proposed
                  ? proposed.question
                  : 'message' in proposed
                    ? proposed.message
                    : proposed.understood;
              return { kind: proposed.kind, message: String(message) };
            }
            const op = proposed.operation;
            return {
              kind: 'operation',
              operation_id: op.id,
              state: op.state,
              risk: op.risk,
              summary: op.plan.summary,
              steps: op.plan.steps.map((s) => s.description),
              diff: op.diff,
              problems: op.problems,
              message:
                op.state === 'NEEDS_REVIEW'
                  ? 'the operation waits for a person to approve it; nothing has been changed'
                  : `the operation is ${op.state}`,
            };
          },
        }
      : {}),
  };
}

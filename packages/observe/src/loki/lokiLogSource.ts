import type { LogEntry, LogQuery } from '@opspilot/core';
import { LogQuery as LogQuerySchema } from '@opspilot/core';
import { type LogAnswer, orderAndLimit } from '../logs/logAnswer.js';
import type { LokiClient } from './lokiClient.js';

/** How stream labels name a cluster in a Loki shared by several (`cluster` by default). */
const CLUSTER_LABEL = 'cluster';

/**
 * The `LogSource` over Loki: the query goes to Loki as written (full LogQL, not only opspilot's subset), over
 * `start_time`..`end_time` (default the last hour), with the query's limit and direction. A query naming clusters
 * (`cluster_ids`) keeps the streams whose `cluster` label is one of their names. A metric query's matrix comes back
 * in `series`. When Loki returns as many lines as the limit, the answer says it may be truncated.
 */
export function createLokiLogSource(options: {
  client: LokiClient;
  /** Names of the clusters with these ids. */
  clusterNames?: (ids: string[]) => Promise<{ id: string; name: string }[]>;
  now?: () => Date;
}) {
  const now = options.now ?? (() => new Date());
  const search = async (input: LogQuery, signal?: AbortSignal): Promise<LogAnswer> => {
    const query = LogQuerySchema.parse(input);
    const end = query.end_time ? new Date(query.end_time) : now();
    const start = query.start_time ? new Date(query.start_time) : new Date(end.getTime() - 3_600_000);
    const direction = query.direction === 'FORWARD' ? 'forward' : 'backward';
    const data = await options.client.queryRange({
      query: query.query,
      start,
      end,
      limit: query.limit,
      direction,
      signal,
    });
    const wanted =
      query.cluster_ids.length && options.clusterNames ? await options.clusterNames(query.cluster_ids) : undefined;
    const idOf = new Map((wanted ?? []).map((c) => [c.name, c.id]));
    const base = { limit: query.limit, status: 'SUCCESS' as const, clusters: [], source: 'loki' as const };
    if (data.resultType === 'matrix') {
      const series = data.result.map((s) => ({
        labels: s.metric,
        points: s.values.map(([t, v]) => [new Date(t * 1000).toISOString(), Number(v)] as [string, number]),
      }));
      return { ...base, entries: [], truncated: false, notes: ['a metric query: its result is in series'], series };
    }
    const entries: LogEntry[] = [];
    for (const stream of data.result) {
      const clusterName = stream.stream[CLUSTER_LABEL];
      if (wanted && !(clusterName && idOf.has(clusterName))) continue;
      const clusterId = clusterName ? idOf.get(clusterName) : undefined;
      for (const [ns, line] of stream.values) {
        entries.push({
          ...(clusterId ? { cluster_id: clusterId } : {}),
          ...(clusterName ? { cluster_name: clusterName } : {}),
          timestamp: new Date(Number(BigInt(ns) / 1_000_000n)).toISOString(),
          stream: stream.stream,
          message: line,
        });
      }
    }
    const limited = orderAndLimit(entries, query.direction, query.limit);
    const full = entries.length >= query.limit;
    return {
      ...base,
      entries: limited.entries,
      truncated: full,
      notes: full ? [`Loki returned the limit of ${query.limit} lines; there may be more (raise limit, max 5000)`] : [],
    };
  };
  return { search, query: async (q: LogQuery, signal?: AbortSignal) => (await search(q, signal)).entries };
}

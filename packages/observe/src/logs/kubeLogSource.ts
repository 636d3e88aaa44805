import type { ClusterGateway, KubeObject, LogEntry, LogQuery } from '@opspilot/core';
import { eachLimited, LogQuery as LogQuerySchema } from '@opspilot/core';
import { type LogAnswer, type LogClusterStatus, orderAndLimit, overallStatus } from './logAnswer.js';
import { compileLogMatcher, kubeSelectorOf, type LogMatcher } from './logMatcher.js';
import { type LogSelector, parseLogql } from './logqlSubset.js';

/** A cluster logs are read from. */
export interface LogCluster {
  id?: string;
  name: string;
  gateway: Pick<ClusterGateway, 'list' | 'logs'>;
}

/** Limits of {@link createKubeLogSource}; every one that cuts an answer is said in its `notes`. */
export interface KubeLogLimits {
  /** Pod containers read per query across all clusters (default 100). */
  maxStreams: number;
  /** Lines fetched per container (`tailLines`, default 5000). */
  maxLinesPerStream: number;
  /** Containers read at once (default 8). */
  concurrency: number;
  /** Window when the query gives no start (default 1 h). */
  defaultWindowMs: number;
}

const DEFAULT_LIMITS: KubeLogLimits = {
  maxStreams: 100,
  maxLinesPerStream: 5000,
  concurrency: 8,
  defaultWindowMs: 3_600_000,
};

/** One pod container selected by a query, with its stream labels. */
export interface LogStream {
  cluster: LogCluster;
  namespace: string;
  pod: string;
  container: string;
  labels: Record<string, string>;
}

/** Splits a `timestamps=true` log line into its RFC 3339 time (as an ISO UTC timestamp) and its text. */
export function splitTimestamp(line: string): { timestamp: string; message: string } | undefined {
  const space = line.indexOf(' ');
  const ms = Date.parse(space > 0 ? line.slice(0, space) : line);
  if (Number.isNaN(ms)) return undefined;
  return { timestamp: new Date(ms).toISOString(), message: space > 0 ? line.slice(space + 1) : '' };
}

function containersOf(pod: KubeObject): string[] {
  const spec = (pod.spec ?? {}) as { containers?: { name?: unknown }[] };
  return (spec.containers ?? []).map((c) => String(c.name));
}

/** The pod containers of `cluster` whose stream labels `matcher` selects. */
export async function selectStreams(
  cluster: LogCluster,
  selector: ReturnType<typeof kubeSelectorOf>,
  matcher: LogMatcher,
  signal?: AbortSignal,
): Promise<LogStream[]> {
  const pods = await cluster.gateway.list('Pod', { ...selector, signal });
  const streams: LogStream[] = [];
  for (const pod of pods) {
    const namespace = pod.metadata.namespace ?? 'default';
    const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    for (const container of containersOf(pod)) {
      const labels = {
        ...(pod.metadata.labels ?? {}),
        namespace,
        pod: pod.metadata.name,
        container,
        cluster: cluster.name,
        ...(node ? { node } : {}),
      };
      if (matcher.stream(labels)) streams.push({ cluster, namespace, pod: pod.metadata.name, container, labels });
    }
  }
  return streams;
}

/** Reads the lines of one stream at or after `since` (and not after `until`) that pass the line filters. */
export async function readStream(
  stream: LogStream,
  window: { since: Date; until: Date; now: Date },
  matcher: LogMatcher,
  tailLines: number,
  signal?: AbortSignal,
): Promise<LogEntry[]> {
  const sinceSeconds = Math.max(1, Math.ceil((window.now.getTime() - window.since.getTime()) / 1000));
  const text = await stream.cluster.gateway.logs(
    { kind: 'Pod', name: stream.pod, namespace: stream.namespace },
    { container: stream.container, timestamps: true, sinceSeconds, tailLines, signal },
  );
  const since = window.since.toISOString();
  const until = window.until.toISOString();
  const entries: LogEntry[] = [];
  for (const raw of text.split('\n')) {
    if (raw === '') continue;
    const line = splitTimestamp(raw);
    if (!line || line.timestamp < since || line.timestamp > until || !matcher.line(line.message)) continue;
    entries.push({
      ...(stream.cluster.id ? { cluster_id: stream.cluster.id } : {}),
      cluster_name: stream.cluster.name,
      timestamp: line.timestamp,
      stream: stream.labels,
      message: line.message,
    });
  }
  return entries;
}

/** Whether a cluster of this name is selected by the query's `cluster` matchers (all are, without any). */
export function byCluster(selector: LogSelector): (name: string) => boolean {
  const matchers = selector.matchers.filter((m) => m.name === 'cluster');
  if (matchers.length === 0) return () => true;
  const matcher = compileLogMatcher({ matchers, filters: [] });
  return (name) => matcher.stream({ cluster: name });
}

/** A log source over the Kubernetes API, with the answer's limits and per-cluster status. */
export interface KubeLogSource {
  /** The port's method: just the lines. */
  query(query: LogQuery, signal?: AbortSignal): Promise<LogEntry[]>;
  /** The lines with truncation, notes and per-cluster status. */
  search(query: LogQuery, signal?: AbortSignal): Promise<LogAnswer>;
}

/**
 * The `LogSource` of the embedded default: reads pod logs through each cluster's Kubernetes API (the
 * ClusterGateway), selecting pod containers with the {@link parseLogql LogQL subset} (namespace and equality labels
 * are given to the API server; regexes and the `pod`, `container`, `node`, `cluster` labels are applied here),
 * keeping lines inside `start_time`..`end_time` that pass the line filters. Clusters are read in parallel; one that
 * fails is reported in the answer (PARTIAL), not thrown. `clusters(ids)` resolves the query's cluster ids (all when
 * empty). Every limit that cuts the answer is said in `notes`.
 */
export function createKubeLogSource(options: {
  clusters: (ids: string[]) => Promise<LogCluster[]>;
  now?: () => Date;
  limits?: Partial<KubeLogLimits>;
}): KubeLogSource {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const search = async (input: LogQuery, signal?: AbortSignal): Promise<LogAnswer> => {
    const query = LogQuerySchema.parse(input);
    const selector = parseLogql(query.query);
    const matcher = compileLogMatcher(selector);
    const kube = kubeSelectorOf(selector);
    const at = now();
    const until = query.end_time ? new Date(query.end_time) : at;
    const since = query.start_time ? new Date(query.start_time) : new Date(until.getTime() - limits.defaultWindowMs);
    const clusters = (await options.clusters(query.cluster_ids)).filter((c) => byCluster(selector)(c.name));
    const statuses = new Map<LogCluster, LogClusterStatus>();
    const streams: LogStream[] = [];
    await Promise.all(
      clusters.map(async (cluster) => {
        const status: LogClusterStatus = {
          cluster_id: cluster.id,
          cluster_name: cluster.name,
          status: 'SUCCESS',
          streams: 0,
        };
        statuses.set(cluster, status);
        try {
          streams.push(...(await selectStreams(cluster, kube, matcher, signal)));
        } catch (error) {
          Object.assign(status, { status: 'ERROR', error: (error as Error).message });
        }
      }),
    );
    const notes: string[] = [];
    const read = streams.slice(0, limits.maxStreams);
    if (streams.length > read.length) {
      notes.push(`${streams.length} containers matched; read the first ${read.length} (narrow the selector)`);
    }
    const entries: LogEntry[] = [];
    let fullStreams = 0;
    await eachLimited(read, limits.concurrency, async (stream) => {
      const status = statuses.get(stream.cluster) as LogClusterStatus;
      try {
        const lines = await readStream(stream, { since, until, now: at }, matcher, limits.maxLinesPerStream, signal);
        entries.push(...lines);
        status.streams++;
        if (lines.length >= limits.maxLinesPerStream) fullStreams++;
      } catch (error) {
        status.status = 'PARTIAL';
        status.error = `${stream.namespace}/${stream.pod}/${stream.container}: ${(error as Error).message}`;
      }
    });
    if (fullStreams > 0) {
      notes.push(`${fullStreams} container(s) had more than ${limits.maxLinesPerStream} lines; older lines not read`);
    }
    const limited = orderAndLimit(entries, query.direction, query.limit);
    if (limited.truncated)
      notes.push(`${entries.length} lines matched; showing ${query.limit} (raise limit, max 5000)`);
    const clusterStatuses = [...statuses.values()];
    return {
      entries: limited.entries,
      limit: query.limit,
      truncated: limited.truncated || streams.length > read.length || fullStreams > 0,
      status: overallStatus(clusterStatuses),
      clusters: clusterStatuses,
      notes,
      source: 'kubernetes',
    };
  };
  return { search, query: async (q, signal) => (await search(q, signal)).entries };
}

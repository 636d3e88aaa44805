import type { LogEntry } from '@opspilot/core';
import { byCluster, type LogCluster, type LogStream, readStream, selectStreams } from './kubeLogSource.js';
import { compileLogMatcher, kubeSelectorOf } from './logMatcher.js';
import { parseLogql } from './logqlSubset.js';

/** Options of {@link followKubeLogs}. */
export interface FollowOptions {
  query: string;
  clusters: () => Promise<LogCluster[]>;
  /** Called with each batch of new lines, oldest first. */
  onEntries: (entries: LogEntry[]) => void;
  /** Called when a cluster or stream cannot be read (following goes on). */
  onError?: (message: string) => void;
  signal: AbortSignal;
  /** Between two polls (default 2 s). */
  pollMs?: number;
  /** Containers followed at most (default 50); more are left out and said once through `onError`. */
  maxStreams?: number;
  now?: () => Date;
}

const keyOf = (s: LogStream) => `${s.cluster.name}/${s.namespace}/${s.pod}/${s.container}`;

/**
 * Follows the streams a {@link parseLogql LogQL-subset} query selects, as `kubectl logs -f` does for one pod: polls
 * every `pollMs`, picks up pods that appear, and hands over only lines newer than those already sent (lines of the
 * same timestamp are told apart by their text). Starts from now. Ends when `signal` aborts. A bad query throws at
 * once (InputError), before anything is followed.
 */
export async function followKubeLogs(options: FollowOptions): Promise<void> {
  const selector = parseLogql(options.query);
  const matcher = compileLogMatcher(selector);
  const kube = kubeSelectorOf(selector);
  const clusterSelected = byCluster(selector);
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 2_000;
  const maxStreams = options.maxStreams ?? 50;
  const started = now();
  const seen = new Map<string, { last: string; atLast: Set<string> }>();
  let warnedCap = false;
  const poll = async () => {
    const at = now();
    const clusters = (await options.clusters()).filter((c) => clusterSelected(c.name));
    const streams: LogStream[] = [];
    for (const cluster of clusters) {
      try {
        streams.push(...(await selectStreams(cluster, kube, matcher, options.signal)));
      } catch (error) {
        options.onError?.(`${cluster.name}: ${(error as Error).message}`);
      }
    }
    if (streams.length > maxStreams && !warnedCap) {
      warnedCap = true;
      options.onError?.(`${streams.length} containers match; following the first ${maxStreams}`);
    }
    const fresh: LogEntry[] = [];
    for (const stream of streams.slice(0, maxStreams)) {
      const key = keyOf(stream);
      const state = seen.get(key) ?? { last: started.toISOString(), atLast: new Set<string>() };
      seen.set(key, state);
      try {
        const since = new Date(state.last);
        const lines = await readStream(stream, { since, until: at, now: at }, matcher, 1000, options.signal);
        for (const line of lines) {
          if (line.timestamp < state.last || (line.timestamp === state.last && state.atLast.has(line.message)))
            continue;
          if (line.timestamp > state.last) {
            state.last = line.timestamp;
            state.atLast = new Set();
          }
          state.atLast.add(line.message);
          fresh.push(line);
        }
      } catch (error) {
        if (!options.signal.aborted) options.onError?.(`${key}: ${(error as Error).message}`);
      }
    }
    if (fresh.length > 0 && !options.signal.aborted) {
      options.onEntries(fresh.sort((a, b) => a.timestamp.localeCompare(b.timestamp)));
    }
  };
  while (!options.signal.aborted) {
    await poll();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      options.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}

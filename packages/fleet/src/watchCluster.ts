import { setMaxListeners } from 'node:events';
import { analyzeSnapshot, type ProblemHistory } from '@opspilot/analyzers';
import type { Analyzer, Clock, ClusterGateway, Finding } from '@opspilot/core';
import type { BackoffOptions } from './backoffDelay.js';
import type { ClusterHealthReport, SeverityCounts } from './clusterHealthReport.js';
import { computeHealth } from './computeHealth.js';
import { detectCapabilities } from './detectCapabilities.js';
import { DEFAULT_EVENT_LIMIT, FLEET_KINDS } from './fleetKinds.js';
import type { ModelChange } from './kindStore.js';
import { LiveModel } from './liveModel.js';
import { watchKind } from './watchKind.js';

/** Options of {@link watchCluster}. */
export interface WatchClusterOptions {
  /** The cluster's name, as reports and snapshots carry it. */
  cluster: string;
  gateway: ClusterGateway;
  clock: Clock;
  /** Time between two probes of the API server (default 10 s). */
  probeIntervalMs?: number;
  /** Quiet time after a change before the analyzers run again (default 1 s). */
  debounceMs?: number;
  /** Kubernetes Events kept (default {@link DEFAULT_EVENT_LIMIT}). */
  eventLimit?: number;
  kinds?: readonly string[];
  /** The analyzers run on the live model; all built-ins when missing. */
  analyzers?: readonly Analyzer[];
  /**
   * Earlier sightings of causes (the store's `finding_sightings`), so a live problem keeps the first-seen time and run
   * count that analysis runs recorded. Read, and recorded into, at each analysis of the live model: give a read-only
   * view when re-analyses on every change should not count as runs.
   */
  history?: ProblemHistory;
  backoff?: BackoffOptions;
  /** Called with every report whose state, score or last error differs from the previous one. */
  onReport?(report: ClusterHealthReport, previous: ClusterHealthReport): void;
  /** Every change of the live model. */
  onChange?(change: ModelChange): void;
}

/** A running {@link watchCluster}. */
export interface ClusterWatch {
  readonly cluster: string;
  readonly model: LiveModel;
  /** The latest report (UNKNOWN until the first probe and list). */
  report(): ClusterHealthReport;
  /**
   * The findings of the latest analysis of the live model, most severe problem first: each problem's root cause,
   * then its symptoms. Empty until the model is listed once.
   */
  findings(): Finding[];
  /**
   * When each live problem's cause was first and last seen and in how many runs, by its root finding's id (the first
   * of {@link findings}' groups): from `history` when given, else from the live model alone.
   */
  sightings(): ReadonlyMap<string, LiveSighting>;
  /**
   * Analyses the live model again now, e.g. after `history` learnt of an analysis run, so findings, sightings and
   * the report reflect it without waiting for the next change of the cluster. Does nothing before the model is listed.
   */
  reanalyze(): void;
  /** Stops every watch and probe, waits for them to end and forgets the model. */
  stop(): Promise<void>;
}

/** A live problem's cause as seen across runs (see {@link ClusterWatch.sightings}). */
export interface LiveSighting {
  identity: string;
  first_seen: string;
  last_seen: string;
  runs: number;
  /** How many objects the cause shows on. */
  count: number;
}

const NO_FINDINGS: SeverityCounts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const hint = (error as { hint?: string }).hint;
    return hint ? `${error.message} (${hint})` : error.message;
  }
  return String(error);
}

/**
 * Watches one cluster live: one list+watch loop per kind into a {@link LiveModel}, a probe of the API server every
 * `probeIntervalMs` (reachability and latency), and the analyzers re-run on the model `debounceMs` after it
 * changes. Each evaluation yields a {@link ClusterHealthReport} ({@link computeHealth}, {@link detectCapabilities});
 * `onReport` hears those that differ. Time comes only from `clock`.
 * @example
 * const watch = watchCluster({ cluster: 'prod', gateway, clock: systemClock, onReport: (r) => save(r) });
 * await watch.stop();
 */
export function watchCluster(options: WatchClusterOptions): ClusterWatch {
  const { cluster, gateway, clock } = options;
  const controller = new AbortController();
  const signal = controller.signal;
  // One listener per kind loop and per sleep: more than Node's default warning threshold, and all expected.
  setMaxListeners(0, signal);
  const model = new LiveModel(options.kinds ?? FLEET_KINDS, options.eventLimit ?? DEFAULT_EVENT_LIMIT);
  let reachable: boolean | undefined;
  let latencyMs: number | undefined;
  let lastError: string | undefined;
  let lastSeen: Date | undefined;
  let findings: SeverityCounts = { ...NO_FINDINGS };
  let latestFindings: Finding[] = [];
  let latestSightings = new Map<string, LiveSighting>();
  let findingsStale = true;
  let analysisPending = false;
  let current = unknownReport();

  function unknownReport(): ClusterHealthReport {
    return {
      cluster,
      status: { state: 'UNKNOWN' },
      checked_at: clock.now().toISOString(),
      counts: { nodes: 0, nodes_ready: 0, pods: 0, pods_healthy: 0 },
      findings: { ...NO_FINDINGS },
      ...detectCapabilities({ nodes: [], services: [], namespaces: [], crds: [] }),
    };
  }

  function analyze(): void {
    if (!model.ready) return;
    const { report, groups } = analyzeSnapshot(model.snapshot(cluster, clock.now()), {
      now: clock.now(),
      analyzers: options.analyzers,
      ...(options.history ? { history: options.history } : {}),
    });
    findings = { ...report.summary.by_severity };
    latestFindings = groups.flatMap((g) => [g.rootCause, ...g.symptoms]);
    latestSightings = new Map();
    for (const g of groups) {
      if (!g.identity || !g.firstSeen || !g.lastSeen) continue;
      const seen = { identity: g.identity, first_seen: g.firstSeen, last_seen: g.lastSeen, runs: g.runs ?? 1 };
      latestSightings.set(g.rootCause.id, { ...seen, count: g.count ?? 1 });
    }
    findingsStale = false;
  }

  function evaluate(): void {
    if (reachable === undefined) return;
    if (reachable && !model.ready) return;
    if (reachable && findingsStale) analyze();
    const health = computeHealth({
      reachable,
      latencyMs,
      nodes: model.objects('Node'),
      pods: model.objects('Pod'),
      findings,
      now: clock.now(),
    });
    const next: ClusterHealthReport = {
      cluster,
      status: {
        state: health.state,
        health_score: health.health_score,
        ...(reachable ? {} : { last_error: lastError }),
        connectivity: reachable ? 'CONNECTED' : 'DISCONNECTED',
        api_server_healthy: reachable,
      },
      checked_at: clock.now().toISOString(),
      ...(lastSeen ? { last_seen_at: lastSeen.toISOString() } : {}),
      ...(latencyMs !== undefined ? { latency_ms: latencyMs } : {}),
      counts: health.counts,
      findings: { ...findings },
      ...detectCapabilities({
        nodes: model.objects('Node'),
        services: model.objects('Service'),
        namespaces: model.objects('Namespace'),
        crds: model.objects('CustomResourceDefinition'),
      }),
    };
    const previous = current;
    current = next;
    const changed =
      previous.status.state !== next.status.state ||
      previous.status.health_score !== next.status.health_score ||
      previous.status.last_error !== next.status.last_error;
    if (changed) options.onReport?.(next, previous);
  }

  function scheduleAnalysis(): void {
    findingsStale = true;
    if (analysisPending) return;
    analysisPending = true;
    clock.sleep(options.debounceMs ?? 1_000, signal).then(
      () => {
        analysisPending = false;
        evaluate();
      },
      () => undefined,
    );
  }

  async function probeLoop(): Promise<void> {
    while (!signal.aborted) {
      const started = clock.now().getTime();
      try {
        await gateway.get({ kind: 'Namespace', name: 'default' }, { signal });
        reachable = true;
        latencyMs = clock.now().getTime() - started;
        lastSeen = clock.now();
        lastError = undefined;
      } catch (error) {
        if (signal.aborted) return;
        reachable = false;
        latencyMs = undefined;
        lastError = messageOf(error);
      }
      evaluate();
      await clock.sleep(options.probeIntervalMs ?? 10_000, signal).catch(() => undefined);
    }
  }

  const loops = [
    probeLoop(),
    ...model.kinds.map((kind) =>
      watchKind(kind, {
        gateway,
        store: model.store(kind) as NonNullable<ReturnType<LiveModel['store']>>,
        clock,
        signal,
        backoff: options.backoff,
        onChange: (change) => {
          options.onChange?.(change);
          scheduleAnalysis();
        },
        onSynced: (k) => {
          model.markSynced(k);
          scheduleAnalysis();
        },
        onUnavailable: (k) => {
          model.markUnavailable(k);
          scheduleAnalysis();
        },
        onError: (_kind, error) => {
          lastError = messageOf(error);
        },
      }),
    ),
  ];

  return {
    cluster,
    model,
    report: () => current,
    findings: () => latestFindings,
    sightings: () => latestSightings,
    reanalyze: () => {
      findingsStale = true;
      evaluate();
    },
    stop: async () => {
      controller.abort();
      await Promise.allSettled(loops);
      model.clear();
    },
  };
}

import {
  type AnalysisReport,
  analyzeSnapshot,
  type CauseSighting,
  causeSightings,
  explainGroups,
  historyOfSightings,
  kindsFor,
  logTargets,
  type PodLogTail,
  readHttpErrorRates,
  snapshotForAnalysis,
  withHttpErrorRates,
  withPodLogs,
  withPodUsage,
} from '@opspilot/analyzers';
import type { Analyzer, ClusterGateway, ClusterSnapshot, LanguageModel, MetricsSource } from '@opspilot/core';
import { withCatalogueFixes } from './analyzeCatalogueFixes.js';

/** How many crashing containers get their log tail fetched, and how many lines. */
const LOG_TAILS = 10;
const LOG_LINES = 20;

/** What {@link analyzeCluster} needs. */
export interface AnalyzeClusterOptions {
  analyzers: Analyzer[];
  /** One namespace, or all when undefined. */
  namespace?: string;
  now: () => Date;
  /** Explain each problem (offline, or with `model` when given). */
  explain: boolean;
  model?: LanguageModel;
  /** Progress lines for stderr. */
  progress: (message: string, done?: boolean) => void;
  signal?: AbortSignal;
  /** Where HTTP request and 5xx rates are read (`prometheus.url`); without it the 5xx analyzer stays silent. */
  metrics?: MetricsSource;
  /** Where causes' sightings are kept between runs, per cluster name (the CLI's store). */
  sightings?: {
    list(
      cluster: string,
    ): Promise<(Pick<CauseSighting, 'identity' | 'first_seen' | 'last_seen'> & { runs?: number })[]>;
    record(cluster: string, sightings: CauseSighting[]): Promise<void>;
  };
  /**
   * What the sightings are kept under: a registered cluster's id, so runs of the CLI and of the server count together
   * (the server keeps them by id); the snapshot's cluster (kubeconfig context) name when left out.
   */
  sightingsKey?: string;
}

async function logTails(
  gateway: ClusterGateway,
  snapshot: ClusterSnapshot,
  signal?: AbortSignal,
): Promise<PodLogTail[]> {
  const tails: PodLogTail[] = [];
  for (const target of logTargets(snapshot).slice(0, LOG_TAILS)) {
    const ref = { kind: 'Pod', name: target.pod, namespace: target.namespace };
    const read = (previous: boolean) =>
      gateway.logs(ref, { container: target.container, tailLines: LOG_LINES, previous, ...(signal ? { signal } : {}) });
    const text = await read(target.previous).catch(() => (target.previous ? read(false).catch(() => '') : ''));
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 0) tails.push({ ...target, lines });
  }
  return tails;
}

/**
 * The I/O half of `opspilot analyze`: takes the snapshot the analyzers need (progress per kind), fetches the log
 * tails of crashing containers, then runs the pure analysis and, when asked, the explanations. An unreachable
 * cluster or a missing namespace throws (exit 2) instead of passing for a healthy cluster.
 */
export async function analyzeCluster(gateway: ClusterGateway, options: AnalyzeClusterOptions): Promise<AnalysisReport> {
  const kinds = kindsFor(options.analyzers);
  options.progress(
    `listing ${kinds.length} kinds${options.namespace ? ` in namespace ${options.namespace}` : ' in all namespaces'}…`,
  );
  const snapshot = await snapshotForAnalysis(gateway, {
    kinds,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total, kind) => options.progress(`listed ${done}/${total} kinds (${kind})`),
  });
  const objects = Object.values(snapshot.objects).reduce((n, list) => n + list.length, 0);
  const tails = await logTails(gateway, snapshot, options.signal);
  const withLogs = tails.length > 0 ? withPodLogs(snapshot, tails) : snapshot;
  // Measured memory for pod-memory-near-limit; a cluster without metrics-server simply has none.
  const usage = await gateway
    .podMetrics({
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
    .catch(() => []);
  const withUsage = usage.length > 0 ? withPodUsage(withLogs, usage) : withLogs;
  const rates = options.metrics
    ? await readHttpErrorRates(options.metrics, {
        now: options.now(),
        ...(options.namespace ? { namespace: options.namespace } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })
    : [];
  const enriched = rates.length > 0 ? withHttpErrorRates(withUsage, rates) : withUsage;
  const sightingsKey = options.sightingsKey ?? snapshot.cluster;
  const known = options.sightings ? await options.sightings.list(sightingsKey) : [];
  options.progress(`analyzing ${objects} objects with ${options.analyzers.length} analyzers`);
  const { report, groups } = analyzeSnapshot(enriched, {
    now: options.now(),
    analyzers: options.analyzers,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    ...(options.sightings ? { history: historyOfSightings(known) } : {}),
  });
  await options.sightings?.record(sightingsKey, causeSightings(groups));
  await withCatalogueFixes(report, gateway, options.now(), options.signal);
  if (options.explain && groups.length > 0) {
    options.progress(options.model ? `explaining ${groups.length} problems with ${options.model.id}` : 'explaining');
    const explanations = await explainGroups(groups, enriched, {
      ...(options.model ? { model: options.model } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const problem of report.problems) {
      const e = explanations.find((x) => x.groupId === problem.id);
      if (e) problem.explanation = { source: e.source, text: e.text, ...(e.error ? { error: e.error } : {}) };
    }
  }
  options.progress(`${report.summary.problems} problems, ${report.summary.findings} findings`, true);
  return report;
}

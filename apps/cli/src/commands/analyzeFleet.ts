import type { AnalysisReport } from '@opspilot/analyzers';
import { isOpspilotError, NotAllowedError, UpstreamError } from '@opspilot/core';
import type { KubeClusterGateway } from '@opspilot/kube';
import type { Colors } from '../cliColors.js';
import { type AnalyzeClusterOptions, analyzeCluster } from './analyzeCluster.js';
import { problemTable } from './analyzeTable.js';
import { analyzeText } from './analyzeText.js';

/** One cluster's part of `opspilot analyze --all-clusters`: its report, or why it could not be analyzed. */
export interface ClusterAnalysis {
  cluster: string;
  /**
   * `ANALYZED`; `OFFLINE` when the cluster could not be reached or refused the credentials; `ERROR` for anything
   * else that kept it from being analyzed (e.g. a namespace it does not have). Never "no problems" instead.
   */
  state: 'ANALYZED' | 'OFFLINE' | 'ERROR';
  report?: AnalysisReport;
  error?: { message: string; hint?: string };
}

/** The fleet's analysis, grouped per cluster. */
export interface FleetAnalysis {
  clusters: ClusterAnalysis[];
  /** `offline` counts the clusters not analyzed (OFFLINE or ERROR). */
  summary: { clusters: number; offline: number; problems: number };
}

/**
 * Analyzes every named cluster one after the other (one failing does not stop the others): an unreachable
 * cluster, bad credentials or a missing namespace make that cluster `OFFLINE` with the reason. With `sightings`, a
 * cluster with an `id` (a registered one) keeps its causes' sightings under it, shared with the server's runs.
 */
export async function analyzeFleet(
  clusters: Array<{ name: string; id?: string; open: () => Promise<KubeClusterGateway> }>,
  options: Omit<AnalyzeClusterOptions, 'progress'> & {
    progress: (cluster: string, message: string, done?: boolean) => void;
  },
): Promise<FleetAnalysis> {
  const results: ClusterAnalysis[] = [];
  for (const { name, id, open } of clusters) {
    let gateway: KubeClusterGateway | undefined;
    try {
      gateway = await open();
      const report = await analyzeCluster(gateway, {
        ...options,
        // Kept by the registered cluster's id, as the server keeps them.
        ...(id ? { sightingsKey: id } : {}),
        progress: (message, done) => options.progress(name, message, done),
      });
      results.push({ cluster: name, state: 'ANALYZED', report });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const hint = isOpspilotError(error) ? error.hint : undefined;
      options.progress(name, `cannot analyze: ${message}`, true);
      const state = error instanceof UpstreamError || error instanceof NotAllowedError ? 'OFFLINE' : 'ERROR';
      results.push({ cluster: name, state, error: { message, ...(hint ? { hint } : {}) } });
    } finally {
      gateway?.close();
    }
  }
  return {
    clusters: results,
    summary: {
      clusters: results.length,
      offline: results.filter((r) => r.state !== 'ANALYZED').length,
      problems: results.reduce((n, r) => n + (r.report?.problems.length ?? 0), 0),
    },
  };
}

/** The text of a fleet analysis: a heading per cluster, then its problems or the reason it is OFFLINE. */
export function fleetText(fleet: FleetAnalysis, c: Colors): string {
  const parts = fleet.clusters.map((r) => {
    const heading = c.bold(`Cluster ${r.cluster}`);
    if (r.state !== 'ANALYZED' || !r.report) {
      return [
        `${heading}: ${c.red(r.state)}`,
        `   ${r.error?.message ?? 'unknown error'}`,
        ...(r.error?.hint ? [`   ${c.dim(`hint: ${r.error.hint}`)}`] : []),
        '',
      ].join('\n');
    }
    return `${heading}\n${analyzeText(r.report, c)}`;
  });
  const s = fleet.summary;
  parts.push(
    `${s.clusters} cluster(s): ${s.problems} problem(s)${s.offline > 0 ? `, ${c.red(`${s.offline} not analyzed`)}` : ''}\n`,
  );
  return parts.join('\n');
}

/**
 * `opspilot analyze --all-clusters -o wide`: every cluster's problems in one table (CLUSTER first), then a line for
 * each cluster not analyzed and the summary.
 */
export function fleetTable(fleet: FleetAnalysis, c: Colors): string {
  const reports = fleet.clusters.flatMap((r) => (r.report ? [{ cluster: r.cluster, report: r.report }] : []));
  const lines = [problemTable(reports, true) ?? 'No problems found.'];
  for (const r of fleet.clusters.filter((x) => x.state !== 'ANALYZED')) {
    lines.push(`${c.bold(r.cluster)}: ${c.red(r.state)}: ${r.error?.message ?? 'unknown error'}`);
  }
  const s = fleet.summary;
  lines.push(`${s.clusters} cluster(s): ${s.problems} problem(s)${s.offline > 0 ? `, ${s.offline} not analyzed` : ''}`);
  return `${lines.join('\n')}\n`;
}

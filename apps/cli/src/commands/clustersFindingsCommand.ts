import type { OpspilotConfig } from '@opspilot/config';
import { NotFoundError, systemClock } from '@opspilot/core';
import { formatKubectlRows } from '@opspilot/fleet';
import type { StoredFindingSighting } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { agoText } from './analyzeTable.js';

/** A stored cause, and with `--live` whether the analysis run just made saw it (`live`). */
export type ClusterFinding = StoredFindingSighting & { live?: boolean };

/** The causes of one cluster as analysis runs stored them, most recently seen first. */
export interface ClusterFindings {
  cluster: string;
  cluster_id: string;
  /** With `--live`: when the cluster was analysed now and how many problems that run found. */
  live?: { analysed_at: string; problems: number };
  items: ClusterFinding[];
}

/** Most recently seen first; among those seen together, the more often seen first. */
function byRecency(a: StoredFindingSighting, b: StoredFindingSighting): number {
  return b.last_seen.localeCompare(a.last_seen) || b.runs - a.runs || a.identity.localeCompare(b.identity);
}

/**
 * The kubectl-style table of {@link ClusterFindings}: class, object, first and last seen as ages, runs, and with
 * `--live` whether the cause is there now (LIVE).
 */
export function clusterFindingsTable(findings: ClusterFindings, now: Date): string {
  if (findings.items.length === 0) {
    return findings.live
      ? `No findings on ${findings.cluster}: the live analysis found no problems and none were recorded before.`
      : `No findings recorded for ${findings.cluster} yet (run \`opspilot analyze --cluster ${findings.cluster}\`, or add --live).`;
  }
  const live = findings.live !== undefined;
  return formatKubectlRows([
    ['CLASS', 'NAMESPACE', 'OBJECT', 'FIRST SEEN', 'LAST SEEN', 'SEEN', ...(live ? ['LIVE'] : [])],
    ...findings.items.map((s) => [
      s.class,
      s.root_namespace ?? '<none>',
      `${s.root_kind.toLowerCase()}/${s.root_name}`,
      agoText(s.first_seen, now),
      agoText(s.last_seen, now),
      String(s.runs),
      ...(live ? [s.live ? 'yes' : 'no'] : []),
    ]),
  ]);
}

/**
 * Analyses the registered cluster now, as `opspilot analyze --cluster NAME` does (its causes' sightings are recorded
 * under the cluster's id, one more run each), and returns the identities of the problems it found. Loaded only for
 * `--live`, so the plain listing stays a store read.
 */
async function analyseLive(
  ctx: CliContext,
  config: OpspilotConfig,
  cluster: { id: string; name: string },
  namespace: string | undefined,
): Promise<{ identities: Set<string>; analysed_at: string; problems: number }> {
  const [{ BUILTIN_ANALYZERS }, { namedClusterGateway }, { analyzeCluster }, { storeSightings }] = await Promise.all([
    import('@opspilot/analyzers'),
    import('../namedCluster.js'),
    import('./analyzeCluster.js'),
    import('./storeSightings.js'),
  ]);
  const clock = ctx.io.clock ?? systemClock;
  const gateway = await namedClusterGateway(config, ctx.io, cluster.name, namespace);
  const report = await withStore(config, ctx.io.cwd, (store) =>
    analyzeCluster(gateway, {
      analyzers: [...BUILTIN_ANALYZERS],
      ...(namespace ? { namespace } : {}),
      now: () => clock.now(),
      explain: false,
      progress: (message, done) => {
        if (done) ctx.io.stderr.write(`${message}\n`);
      },
      sightings: storeSightings(store),
      sightingsKey: cluster.id,
    }),
  ).finally(() => gateway.close());
  const identities = new Set(report.problems.flatMap((p) => (p.identity ? [p.identity] : [])));
  return { identities, analysed_at: report.taken_at, problems: report.problems.length };
}

/**
 * Registers `opspilot clusters findings NAME [--live]`: the causes the analysis runs of a registered cluster stored
 * (`finding_sightings`: the server's runs, `opspilot analyze --cluster NAME` and `--all-clusters`), one row per cause
 * with when it was first and last seen and in how many runs (SEEN), most recently seen first; `-o json|yaml` gives
 * every stored field. `--live` first analyses the cluster now (recording that run), so causes present now are listed
 * even when no run stored them before, each marked LIVE yes/no. The CLI does not ask a running server: causes its
 * watcher sees only in memory are in `GET /api/v1/fleet/findings?cluster=ID` and on the web's cluster page.
 */
export function clustersFindingsCommand(clusters: Command, ctx: CliContext): void {
  clusters
    .command('findings')
    .description('the causes analysis runs found on a registered cluster: first seen, last seen, runs (SEEN)')
    .argument('<name>', 'a registered cluster')
    .option('--live', 'analyse the cluster now first (recorded as a run), marking the causes present now (LIVE)')
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot clusters findings sim-staging\n  opspilot clusters findings sim-staging --live\n  opspilot clusters findings sim-staging -o json',
    )
    .action(async (name: string, options: { live?: boolean }, command: Command) => {
      const config = await ctx.loadConfig(command);
      const cluster = await withStore(config, ctx.io.cwd, async (store) => {
        const found = await store.clusters.findByName(name);
        if (!found) {
          throw new NotFoundError(`no cluster named ${name}`, { hint: 'list them with `opspilot clusters list`' });
        }
        return found;
      });
      const namespace = ctx.options(command).namespace;
      const live = options.live ? await analyseLive(ctx, config, cluster, namespace) : undefined;
      const items: ClusterFinding[] = await withStore(config, ctx.io.cwd, async (store) =>
        (await store.findingSightings.list(cluster.id))
          .sort(byRecency)
          .map((s) => (live ? { ...s, live: live.identities.has(s.identity) } : s)),
      );
      const findings: ClusterFindings = {
        cluster: cluster.name,
        cluster_id: cluster.id,
        ...(live ? { live: { analysed_at: live.analysed_at, problems: live.problems } } : {}),
        items,
      };
      const now = (ctx.io.clock ?? systemClock).now();
      ctx.print(command, findings, (f) => clusterFindingsTable(f, now));
    });
}

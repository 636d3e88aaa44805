import { NotFoundError, systemClock } from '@opspilot/core';
import { formatKubectlRows } from '@opspilot/fleet';
import type { StoredFindingSighting } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { agoText } from './analyzeTable.js';

/** The causes of one cluster as analysis runs stored them, most recently seen first. */
export interface ClusterFindings {
  cluster: string;
  cluster_id: string;
  items: StoredFindingSighting[];
}

/** Most recently seen first; among those seen together, the more often seen first. */
function byRecency(a: StoredFindingSighting, b: StoredFindingSighting): number {
  return b.last_seen.localeCompare(a.last_seen) || b.runs - a.runs || a.identity.localeCompare(b.identity);
}

/** The kubectl-style table of {@link ClusterFindings}: class, object, first and last seen as ages, runs. */
export function clusterFindingsTable(findings: ClusterFindings, now: Date): string {
  if (findings.items.length === 0) {
    return `No findings recorded for ${findings.cluster} yet (run \`opspilot analyze --cluster ${findings.cluster}\`).`;
  }
  return formatKubectlRows([
    ['CLASS', 'NAMESPACE', 'OBJECT', 'FIRST SEEN', 'LAST SEEN', 'SEEN'],
    ...findings.items.map((s) => [
      s.class,
      s.root_namespace ?? '<none>',
      `${s.root_kind.toLowerCase()}/${s.root_name}`,
      agoText(s.first_seen, now),
      agoText(s.last_seen, now),
      String(s.runs),
    ]),
  ]);
}

/**
 * Registers `opspilot clusters findings NAME`: the causes the analysis runs of a registered cluster stored
 * (`finding_sightings`: the server's runs, `opspilot analyze --cluster NAME` and `--all-clusters`), one row per cause
 * with when it was first and last seen and in how many runs (SEEN), most recently seen first; `-o json|yaml` gives
 * every stored field.
 */
export function clustersFindingsCommand(clusters: Command, ctx: CliContext): void {
  clusters
    .command('findings')
    .description('the causes analysis runs found on a registered cluster: first seen, last seen, runs (SEEN)')
    .argument('<name>', 'a registered cluster')
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot clusters findings sim-staging\n  opspilot clusters findings sim-staging -o json',
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const findings = await withStore(config, ctx.io.cwd, async (store): Promise<ClusterFindings> => {
        const cluster = await store.clusters.findByName(name);
        if (!cluster) {
          throw new NotFoundError(`no cluster named ${name}`, { hint: 'list them with `opspilot clusters list`' });
        }
        const items = (await store.findingSightings.list(cluster.id)).sort(byRecency);
        return { cluster: cluster.name, cluster_id: cluster.id, items };
      });
      const now = (ctx.io.clock ?? systemClock).now();
      ctx.print(command, findings, (f) => clusterFindingsTable(f, now));
    });
}

import { BUILTIN_ANALYZERS, selectAnalyzers } from '@opspilot/analyzers';
import type { OpspilotConfig } from '@opspilot/config';
import { InputError, type LanguageModel, systemClock } from '@opspilot/core';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliColors } from '../cliColors.js';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { namedClusterGateway } from '../namedCluster.js';
import { withStore } from '../openCliStore.js';
import { analyzeCluster } from './analyzeCluster.js';
import { analyzeFleet, fleetTable, fleetText } from './analyzeFleet.js';
import { problemTable } from './analyzeTable.js';
import { analyzeText } from './analyzeText.js';
import { fleetClusters } from './fleetClusters.js';
import { localMetrics } from './metricsLocal.js';
import { storeSightings } from './storeSightings.js';

const AnalyzeOptions = z.object({
  allNamespaces: z.boolean().default(false),
  filter: z.string().optional(),
  explain: z.boolean().default(false),
  cluster: z.string().min(1).optional(),
  allClusters: z.boolean().default(false),
});

/**
 * The model of `llm.provider`, or none for the built-in offline explanations. The providers (the AI SDK) are loaded
 * only here: a plain `opspilot analyze` never pays for them.
 */
async function languageModel(config: OpspilotConfig): Promise<LanguageModel | undefined> {
  const { provider, ...settings } = config.llm;
  if (provider === 'offline') return undefined;
  const { createLanguageModel } = await import('@opspilot/ai-providers');
  const created = createLanguageModel({ provider, ...settings });
  if (!created.ok) throw created.error;
  return created.value;
}

/**
 * Registers `opspilot analyze`: snapshots the cluster, runs the analyzers, groups findings by root cause and
 * prints them (`-o text` grouped and coloured, `json`/`yaml` the `AnalysisReport` of `@opspilot/analyzers`).
 * `-o wide` prints one kubectl-style row per problem instead (SEVERITY … AFFECTED, FIRST SEEN, LAST SEEN, SEEN,
 * MESSAGE; CLUSTER first with `--all-clusters`). Each cause's sighting is kept in the CLI's store, so a problem keeps
 * its first-seen time and run count across runs — under a registered cluster's id, shared with the server's runs; with
 * `prometheus.url` the workloads' HTTP 5xx rates are read too. Exit 0 when healthy, 1 when problems are found, 2 on
 * error. Progress goes to stderr.
 */
export function analyzeCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('analyze')
    .description(
      'diagnose the cluster: run the analyzers over a snapshot and group findings by root cause (exit 1 on problems)',
    )
    .option('-A, --all-namespaces', 'analyze every namespace (the default unless -n or kube.namespace is set)')
    .option('--filter <kinds>', 'only analyzers for these kinds or ids, comma-separated (e.g. Pod,Service,pvc)')
    .option(
      '--explain',
      'explain each problem: from the evidence, or with the configured language model (names masked)',
    )
    .option('--cluster <name>', 'a registered cluster or a kubeconfig context, by name')
    .option(
      '--all-clusters',
      'analyze every registered cluster, results grouped per cluster (exit 2 if one is OFFLINE)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot analyze -A\n  opspilot analyze -A -o wide          # one row per problem: FIRST SEEN, LAST SEEN, SEEN (runs)\n  opspilot analyze --all-clusters\n  opspilot analyze --cluster sim-staging -n shop\n  opspilot analyze -n shop --filter Pod,Service --explain\n  opspilot analyze -o json | jq .problems',
    )
    .action(async (raw: unknown, command: Command) => {
      const parsed = AnalyzeOptions.safeParse(raw);
      if (!parsed.success)
        throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, {
          hint: 'see opspilot analyze --help',
        });
      const options = parsed.data;
      // `-o wide` (as for `opspilot get`) is read here and turned back into text: the table of problems.
      const root = command.parent ?? command;
      const wide = root.opts().output === 'wide';
      if (wide) root.setOptionValue('output', 'text');
      const global = ctx.options(command);
      if (options.allNamespaces && global.namespace) {
        throw new InputError('-n/--namespace and -A/--all-namespaces exclude each other', { hint: 'pass one of them' });
      }
      const selected = selectAnalyzers(BUILTIN_ANALYZERS, options.filter?.split(',') ?? []);
      if (!selected.ok) throw selected.error;
      const config = await ctx.loadConfig(command);
      const namespace = options.allNamespaces ? undefined : config.kube.namespace;
      const model = options.explain ? await languageModel(config) : undefined;
      const clock = ctx.io.clock ?? systemClock;
      const err = cliColors(ctx.io.stderr, ctx.io.env, global.color);
      const tty = ctx.io.stderr.isTTY === true;
      const progress = (message: string, done?: boolean) => {
        if (tty) ctx.io.stderr.write(`\r\x1b[2K${err.dim(message)}${done ? '\n' : ''}`);
        else if (done || !message.startsWith('listed ')) ctx.io.stderr.write(`${message}\n`);
      };
      const analysis = {
        analyzers: selected.value,
        ...(namespace ? { namespace } : {}),
        now: () => clock.now(),
        explain: options.explain,
        ...(model ? { model } : {}),
      };
      if (options.allClusters) {
        const clusters = await fleetClusters(config, ctx.io, options.cluster, namespace);
        const fleet = await withStore(config, ctx.io.cwd, (store) =>
          analyzeFleet(clusters, {
            ...analysis,
            sightings: storeSightings(store),
            progress: (cluster, message, done) => progress(`[${cluster}] ${message}`, done),
          }),
        );
        if (fleet.summary.offline > 0) ctx.run.exitCode = 2;
        else if (fleet.summary.problems > 0) ctx.run.exitCode = 1;
        const c = ctx.colors(command);
        ctx.print(command, fleet, (f) => (wide ? fleetTable(f, c) : fleetText(f, c)));
        return;
      }
      const gateway = options.cluster
        ? await namedClusterGateway(config, ctx.io, options.cluster, namespace)
        : openGateway(config, ctx.io);
      // HTTP 5xx rates need a rate over time: only a Prometheus has them (one CLI sample has none).
      const metrics = config.prometheus.url ? await localMetrics(config, ctx.io) : undefined;
      const report = await withStore(config, ctx.io.cwd, async (store) => {
        // A registered cluster's sightings are kept by its id, as the server keeps them.
        const registered = options.cluster ? await store.clusters.findByName(options.cluster) : undefined;
        return analyzeCluster(gateway, {
          ...analysis,
          progress,
          ...(metrics ? { metrics } : {}),
          sightings: storeSightings(store),
          ...(registered ? { sightingsKey: registered.id } : {}),
        });
      }).finally(() => gateway.close());
      if (report.problems.length > 0) ctx.run.exitCode = 1;
      const c = ctx.colors(command);
      ctx.print(command, report, (r) =>
        wide
          ? `${problemTable([{ cluster: r.cluster, report: r }], false) ?? `no problems found in ${r.cluster}`}\n`
          : analyzeText(r, c),
      );
    });
}

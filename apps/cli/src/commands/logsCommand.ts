import type { OpspilotConfig } from '@opspilot/config';
import {
  Duration,
  durationToMs,
  InputError,
  LogDirection,
  type LogEntry,
  NotFoundError,
  systemClock,
} from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import {
  createKubeLogSource,
  createLokiClient,
  createLokiLogSource,
  followKubeLogs,
  type LogAnswer,
  type LogCluster,
} from '@opspilot/observe';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const LogsOptions = z.object({
  since: Duration.default('1h'),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  cluster: z.array(z.string().min(1)).default([]),
  follow: z.boolean().default(false),
  direction: z.string().toUpperCase().pipe(LogDirection).default('FORWARD'),
});

/** The clusters to read: each `--cluster NAME` registered in the store, else the kubeconfig's current context. */
async function clustersOf(
  ctx: CliContext,
  config: OpspilotConfig,
  names: string[],
): Promise<{ clusters: LogCluster[]; close(): void }> {
  if (names.length === 0) {
    const gateway = openGateway(config, ctx.io);
    return { clusters: [{ name: gateway.config.context ?? 'current', gateway }], close: () => gateway.close() };
  }
  const gateways = await withStore(config, ctx.io.cwd, async (store) =>
    Promise.all(
      names.map(async (name) => {
        const found = await store.clusters.findByName(name);
        if (!found)
          throw new NotFoundError(`no registered cluster named ${name}`, { hint: 'run `opspilot clusters list`' });
        const kubeconfigYaml = await store.clusters.getKubeconfig(found.id);
        const gateway = createClusterGateway({
          kubeconfigYaml,
          allowedExecCommands: config.clusters.allowed_exec_commands,
        });
        return { id: found.id, name, gateway };
      }),
    ),
  );
  return {
    clusters: gateways,
    close: () => {
      for (const g of gateways) g.gateway.close();
    },
  };
}

const lineOf = (e: LogEntry) =>
  `${e.timestamp} ${e.cluster_name ? `${e.cluster_name}/` : ''}${e.stream.namespace ?? '-'}/${e.stream.pod ?? '-'}/${e.stream.container ?? '-'} ${e.message}`;

/**
 * Registers `opspilot logs QUERY`: a LogQL query (the documented subset over the Kubernetes API; full LogQL when
 * `loki.url` is set) over the current cluster or `--cluster NAME...`, `--since`, `--limit`, `-o json|yaml`; the limits
 * that cut the answer are printed to stderr. `--follow` prints new lines as they appear until interrupted.
 */
export function logsCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('logs')
    .description('search pod logs across clusters with LogQL ({namespace="todo"} |= "error"), or follow them')
    .argument('<query>', 'LogQL, e.g. {namespace="todo",app="backend"} |= "error" != "health"')
    .option('--since <duration>', 'how far back, e.g. 15m, 1h, 2d', '1h')
    .option('--limit <n>', 'at most this many lines (1-5000)', '100')
    .option('--cluster <name>', 'a registered cluster (repeatable); the kubeconfig context when none', collect)
    .option('--direction <dir>', 'FORWARD (oldest first) or BACKWARD (newest first)', 'FORWARD')
    .option('-f, --follow', 'print new lines as they appear (Kubernetes API only)')
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot logs \'{namespace="todo"} |= "error"\' --since 15m\n  opspilot logs \'{app="backend"} |~ "5\\\\d\\\\d"\' -f',
    )
    .action(async (query: string, raw: unknown, command: Command) => {
      const parsed = LogsOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, {
          hint: 'see opspilot logs --help',
        });
      }
      const o = parsed.data;
      const config = await ctx.loadConfig(command);
      const now = () => (ctx.io.clock ?? systemClock).now();
      const start_time = new Date(now().getTime() - durationToMs(o.since)).toISOString();
      const request = { query, cluster_ids: [], start_time, limit: o.limit, direction: o.direction };
      if (config.loki.url && !o.follow) {
        const { url, bearer_token, tenant, timeout_ms } = config.loki;
        const client = createLokiClient({ url, bearerToken: bearer_token, tenant, timeoutMs: timeout_ms });
        return printAnswer(ctx, command, await createLokiLogSource({ client, now }).search(request));
      }
      const { clusters, close } = await clustersOf(ctx, config, o.cluster);
      try {
        if (o.follow) {
          const stop = new AbortController();
          const onSignal = () => stop.abort();
          process.once('SIGINT', onSignal);
          try {
            await followKubeLogs({
              query,
              clusters: async () => clusters,
              onEntries: (entries) => {
                for (const e of entries)
                  ctx.io.stdout.write(
                    ctx.options(command).output === 'text' ? `${lineOf(e)}\n` : `${JSON.stringify(e)}\n`,
                  );
              },
              onError: (message) => ctx.io.stderr.write(`warning: ${message}\n`),
              signal: stop.signal,
              now,
            });
          } finally {
            process.off('SIGINT', onSignal);
          }
          return;
        }
        const answer = await createKubeLogSource({ clusters: async () => clusters, now }).search(request);
        printAnswer(ctx, command, answer);
      } finally {
        close();
      }
    });
}

function printAnswer(ctx: CliContext, command: Command, answer: LogAnswer): void {
  for (const note of answer.notes) ctx.io.stderr.write(`note: ${note}\n`);
  for (const c of answer.clusters.filter((c) => c.error))
    ctx.io.stderr.write(`warning: ${c.cluster_name}: ${c.error}\n`);
  if (answer.status === 'ERROR') ctx.run.exitCode = 1;
  ctx.print(command, answer, (a) =>
    a.entries.length ? `${a.entries.map(lineOf).join('\n')}\n` : 'No log lines found.\n',
  );
}

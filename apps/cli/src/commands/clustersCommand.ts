import { type Cluster, NotFoundError, systemClock } from '@opspilot/core';
import { type ClusterHealthReport, formatKubectlRows, kubectlAge, watchCluster } from '@opspilot/fleet';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { EXIT_CODES } from '../exitCodes.js';
import { withStore } from '../openCliStore.js';
import { clustersFindingsCommand } from './clustersFindingsCommand.js';
import { clustersManageCommands } from './clustersManageCommands.js';

async function allClusters(ctx: CliContext, command: Command): Promise<Cluster[]> {
  return withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
    const all: Cluster[] = [];
    for (let page = 1; ; page++) {
      const result = await store.clusters.list({}, { page, page_size: 100 });
      all.push(...result.items);
      if (page >= result.total_pages) return all;
    }
  });
}

function score(value: number | undefined): string {
  return value === undefined ? '<none>' : String(value);
}

/** The live health of the kubeconfig context: one probe, one list of every kind, one analysis. */
async function measure(ctx: CliContext, command: Command): Promise<ClusterHealthReport> {
  const config = await ctx.loadConfig(command);
  const gateway = openGateway(config, ctx.io);
  let measured: (report: ClusterHealthReport) => void = () => undefined;
  const first = new Promise<ClusterHealthReport>((resolve) => {
    measured = resolve;
  });
  const watch = watchCluster({
    cluster: gateway.config.context,
    gateway,
    clock: ctx.io.clock ?? systemClock,
    debounceMs: 0,
    backoff: { initialMs: 60_000 },
    onReport: (report) => measured(report),
  });
  try {
    return await first;
  } finally {
    await watch.stop();
    gateway.close();
  }
}

function reportText(r: ClusterHealthReport): string {
  const lines = [
    `Cluster:      ${r.cluster}`,
    `State:        ${r.status.state}`,
    `Health score: ${score(r.status.health_score)}`,
  ];
  if (r.status.last_error) lines.push(`Last error:   ${r.status.last_error}`);
  if (r.status.state !== 'OFFLINE') {
    lines.push(
      `API latency:  ${r.latency_ms ?? 0}ms`,
      `Nodes:        ${r.counts.nodes_ready}/${r.counts.nodes} Ready`,
      `Pods:         ${r.counts.pods_healthy}/${r.counts.pods} healthy`,
      `Findings:     ${
        Object.entries(r.findings)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${n} ${s}`)
          .join(', ') || 'none'
      }`,
    );
    const c = r.capabilities;
    const found = [
      c.has_prometheus && 'prometheus',
      r.has_alertmanager && 'alertmanager',
      c.has_loki && 'loki',
      c.has_tempo && 'tempo',
      c.has_thanos && 'thanos',
      r.service_mesh,
      c.has_gpu_nodes && `gpu ×${c.gpu_count}`,
    ].filter(Boolean);
    lines.push(`Capabilities: ${found.join(', ') || 'none detected'}`);
  }
  return lines.join('\n');
}

/**
 * Registers `opspilot clusters`: `list` prints the registered clusters with the state and health score the
 * server's fleet watchers last stored (kubectl-style table, `-o json|yaml`); `status [name]` prints a registered
 * cluster's stored status, or, without a name, measures the kubeconfig context live. OFFLINE exits 2 with the
 * reason, DEGRADED exits 1; `findings NAME` lists the causes its analysis runs stored, with first and last seen
 * and runs.
 */
export function clustersCommand(parent: Command, ctx: CliContext): Command {
  const clusters = parent.command('clusters').description('the registered clusters and their health');
  clusters
    .command('list')
    .description('list the registered clusters with their state and health score')
    .action(async (_options: unknown, command: Command) => {
      const items = await allClusters(ctx, command);
      const now = (ctx.io.clock ?? systemClock).now();
      ctx.print(command, { items }, ({ items: list }) => {
        if (list.length === 0) return 'No clusters registered (start the server with `npm start`, or register one).';
        return formatKubectlRows([
          ['NAME', 'STATE', 'SCORE', 'ENVIRONMENT', 'API SERVER', 'LAST SEEN'],
          ...list.map((c) => [
            c.name,
            c.status.state,
            score(c.status.health_score),
            c.environment,
            c.api_server_url,
            c.last_seen_at ? `${kubectlAge(c.last_seen_at, now)} ago` : '<never>',
          ]),
        ]);
      });
    });
  clusters
    .command('status')
    .description("a registered cluster's health, or the kubeconfig context's measured now (exit 2 when OFFLINE)")
    .argument('[name]', 'a registered cluster; the kubeconfig context when left out')
    .addHelpText('after', '\nExamples:\n  opspilot clusters status\n  opspilot clusters status sim-demo -o json')
    .action(async (name: string | undefined, _options: unknown, command: Command) => {
      let report: ClusterHealthReport | { cluster: string; status: Cluster['status']; last_seen_at?: string };
      if (name) {
        const found = (await allClusters(ctx, command)).find((c) => c.name === name);
        if (!found) {
          throw new NotFoundError(`no cluster named ${name}`, { hint: 'list them with `opspilot clusters list`' });
        }
        report = { cluster: found.name, status: found.status, last_seen_at: found.last_seen_at };
      } else report = await measure(ctx, command);
      if (report.status.state === 'OFFLINE') ctx.run.exitCode = EXIT_CODES.error;
      else if (report.status.state === 'DEGRADED') ctx.run.exitCode = EXIT_CODES.findings;
      ctx.print(command, report, (r) =>
        'counts' in r
          ? reportText(r)
          : [
              `Cluster:      ${r.cluster}`,
              `State:        ${r.status.state}`,
              `Health score: ${score(r.status.health_score)}`,
              ...(r.status.last_error ? [`Last error:   ${r.status.last_error}`] : []),
              `Last seen:    ${r.last_seen_at ?? '<never>'}`,
            ].join('\n'),
      );
    });
  clustersFindingsCommand(clusters, ctx);
  clustersManageCommands(clusters, ctx);
  return clusters;
}

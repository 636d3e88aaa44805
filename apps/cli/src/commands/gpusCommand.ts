import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { namedClusterGateway } from '../namedCluster.js';
import { renderColumns } from '../renderOutput.js';
import { GPU_OPERATOR_DCGM_PATH, type LocalGpus, localGpus } from './gpusLocal.js';

const Options = z.object({
  cluster: z.string().min(1).optional(),
  node: z.string().min(1).optional(),
  dcgmPath: z.string().startsWith('/', 'must be a path of the API server, starting with /').optional(),
});

const dash = (v: number | undefined, unit = '') => (v === undefined ? '-' : `${v}${unit}`);

/** The kubectl-style table of `opspilot gpus`: one row per GPU (a node without readings gets one row of dashes). */
export function gpusText(answer: LocalGpus): string {
  const rows = [['NODE', 'GPU', 'MODEL', 'UTIL', 'MEMORY', 'TEMP', 'POWER', 'XID', 'POD']];
  for (const node of answer.nodes) {
    if (node.gpus.length === 0) {
      rows.push([
        node.node_name,
        `0/${node.gpu_allocatable}`,
        node.product ?? '-',
        '-',
        '-',
        '-',
        '-',
        '-',
        '<no readings>',
      ]);
      continue;
    }
    for (const g of node.gpus) {
      const holder = node.holders.find((h) => h.index === g.index);
      const xid = node.xid_errors.find((x) => x.index === g.index)?.xid;
      rows.push([
        node.node_name,
        String(g.index),
        g.name,
        `${g.utilization_gpu_percent}%`,
        `${g.memory_used_mb}/${g.memory_total_mb}Mi`,
        dash(g.temperature_celsius, 'C'),
        g.power_draw_watts === undefined ? '-' : `${Math.round(g.power_draw_watts)}W`,
        xid === undefined ? '-' : String(xid),
        holder ? `${holder.namespace}/${holder.pod}` : '<none>',
      ]);
    }
  }
  const body = answer.nodes.length === 0 ? 'no GPU nodes' : renderColumns(rows);
  return answer.error ? `${body}\n${answer.cluster_name} (${answer.status}): ${answer.error}` : body;
}

/**
 * Registers `opspilot gpus`: the GPU nodes of the cluster (or `--cluster`, registered or a kubeconfig context) with
 * each GPU's utilisation, memory, temperature, power, last XID error and holding pod — from `prometheus.url`'s
 * dcgm-exporter series, else one scrape of dcgm-exporter through the API server. `-o json|yaml` gives seed 003 §4
 * GPUNodes. Exits 1 when readings could not be had.
 */
export function gpusCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('gpus')
    .description('GPU nodes and their GPUs: utilisation, memory, temperature, power, XID errors, pods')
    .option('--cluster <name>', 'a registered cluster or a kubeconfig context, by name')
    .option('--node <name>', 'only this node')
    .option(
      '--dcgm-path <path>',
      `where dcgm-exporter answers on the API server without prometheus.url (default /metrics/dcgm on the simulated cluster, else ${GPU_OPERATOR_DCGM_PATH})`,
    )
    .action(async (raw: unknown, command: Command) => {
      const options = Options.parse(raw);
      const config = await ctx.loadConfig(command);
      const gateway = options.cluster
        ? await namedClusterGateway(config, ctx.io, options.cluster)
        : openGateway(config, ctx.io);
      try {
        const simulated = !config.kube.kubeconfig && !options.cluster && config.kube.cluster === 'simulated';
        const path = options.dcgmPath ?? (simulated ? '/metrics/dcgm' : GPU_OPERATOR_DCGM_PATH);
        const answer = await localGpus(config, ctx.io, gateway, path);
        const shown = options.node
          ? { ...answer, nodes: answer.nodes.filter((n) => n.node_name === options.node) }
          : answer;
        if (answer.status !== 'SUCCESS') ctx.run.exitCode = 1;
        ctx.print(command, shown, gpusText);
      } finally {
        gateway.close();
      }
    });
}

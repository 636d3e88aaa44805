import { parseQuantity } from '@opspilot/core';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { renderColumns } from '../renderOutput.js';

const TopOptions = z.object({
  sortBy: z.enum(['cpu', 'memory']).optional(),
  allNamespaces: z.boolean().default(false),
});

const mi = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}Mi`;
const m = (millicores: number) => `${Math.round(millicores)}m`;

/**
 * Registers `opspilot top pods|nodes`: CPU and memory in use from metrics.k8s.io, as `kubectl top` prints them
 * (nodes with their share of allocatable), sorted with `--sort-by cpu|memory`; `-o json|yaml` for the numbers.
 */
export function topCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('top').description('CPU and memory in use by pods or nodes (as kubectl top)');
  group
    .command('pods')
    .description('CPU and memory per pod')
    .option('--sort-by <what>', 'cpu or memory')
    .option('-A, --all-namespaces', 'every namespace')
    .action(async (raw: unknown, command: Command) => {
      const o = TopOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const namespace = o.allNamespaces ? undefined : (config.kube.namespace ?? gateway.config.namespace);
      const usage = await gateway.podMetrics(namespace ? { namespace } : {});
      const pods = usage
        .map((u) => ({
          namespace: u.ref.namespace ?? '',
          name: u.ref.name,
          cpu_millicores: u.cpuMillicores,
          memory_bytes: u.memoryBytes,
        }))
        .sort((a, b) =>
          o.sortBy === 'cpu'
            ? b.cpu_millicores - a.cpu_millicores
            : o.sortBy === 'memory'
              ? b.memory_bytes - a.memory_bytes
              : 0,
        );
      ctx.print(command, pods, (list) =>
        list.length === 0
          ? `No resources found${namespace ? ` in ${namespace} namespace` : ''}.`
          : renderColumns([
              [...(namespace ? [] : ['NAMESPACE']), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'],
              ...list.map((p) => [
                ...(namespace ? [] : [p.namespace]),
                p.name,
                m(p.cpu_millicores),
                mi(p.memory_bytes),
              ]),
            ]),
      );
    });
  group
    .command('nodes')
    .description('CPU and memory per node, with the share of allocatable')
    .option('--sort-by <what>', 'cpu or memory')
    .action(async (raw: unknown, command: Command) => {
      const o = TopOptions.parse(raw);
      const gateway = openGateway(await ctx.loadConfig(command), ctx.io);
      const [usage, nodes] = await Promise.all([gateway.nodeMetrics(), gateway.list('Node')]);
      const rows = usage
        .map((u) => {
          const allocatable =
            (
              nodes.find((n) => n.metadata.name === u.ref.name) as
                | { status?: { allocatable?: Record<string, string> } }
                | undefined
            )?.status?.allocatable ?? {};
          const cpu = parseQuantity(allocatable.cpu ?? '0') ?? 0;
          const memory = parseQuantity(allocatable.memory ?? '0') ?? 0;
          return {
            name: u.ref.name,
            cpu_millicores: u.cpuMillicores,
            cpu_percent: cpu > 0 ? Math.round((u.cpuMillicores / 1000 / cpu) * 100) : null,
            memory_bytes: u.memoryBytes,
            memory_percent: memory > 0 ? Math.round((u.memoryBytes / memory) * 100) : null,
          };
        })
        .sort((a, b) =>
          o.sortBy === 'cpu'
            ? b.cpu_millicores - a.cpu_millicores
            : o.sortBy === 'memory'
              ? b.memory_bytes - a.memory_bytes
              : 0,
        );
      ctx.print(command, rows, (list) =>
        renderColumns([
          ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'],
          ...list.map((n) => [
            n.name,
            m(n.cpu_millicores),
            n.cpu_percent === null ? '<unknown>' : `${n.cpu_percent}%`,
            mi(n.memory_bytes),
            n.memory_percent === null ? '<unknown>' : `${n.memory_percent}%`,
          ]),
        ]),
      );
    });
  return group;
}

import type { OpspilotConfig } from '@opspilot/config';
import { InputError, NotFoundError, systemClock } from '@opspilot/core';
import { fleetKindOf, formatKubectlRows, kubectlTable } from '@opspilot/fleet';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { namedClusterGateway } from '../namedCluster.js';

const GetOptions = z.object({
  allNamespaces: z.boolean().default(false),
  selector: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
});

/** The gateway of `--cluster NAME` (registered, or a kubeconfig context), or of the kubeconfig context. */
async function gatewayFor(ctx: CliContext, config: OpspilotConfig, cluster: string | undefined, namespace?: string) {
  if (!cluster) return openGateway(config, ctx.io);
  return namedClusterGateway(config, ctx.io, cluster, namespace);
}

/**
 * Registers `opspilot get <kind>`: lists objects of the kubeconfig context the way `kubectl get` does, with
 * kubectl's columns (pods: NAME READY STATUS RESTARTS AGE, `-o wide` adds IP NODE NOMINATED NODE READINESS GATES),
 * `-A` for every namespace, `-l` for a label selector, `-o json|yaml` for a `v1` List, `--cluster NAME` for a cluster
 * registered in the store (the server's) instead of the kubeconfig context. A namespace that does not
 * exist is an error naming it; an unreachable cluster exits 2.
 */
export function getCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('get')
    .description('list objects of a kind with the columns kubectl prints (-A, -l, -o wide|json|yaml)')
    .argument('<kind>', 'pods, deployments, services, nodes, namespaces, events, ... (short names as kubectl)')
    .option('-A, --all-namespaces', 'list across every namespace')
    .option('-l, --selector <selector>', 'label selector, e.g. app=web,tier!=cache')
    .option('--cluster <name>', 'a registered cluster (its stored credentials) or a kubeconfig context, by name')
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot get pods -A\n  opspilot get po -n shop -o wide\n  opspilot get deploy -o yaml',
    )
    .action(async (kindText: string, raw: unknown, command: Command) => {
      const parsed = GetOptions.safeParse(raw);
      if (!parsed.success) {
        throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, { hint: 'see opspilot get --help' });
      }
      const options = parsed.data;
      // `-o wide` is kubectl's and this command's only: the other commands know text, json and yaml.
      const root = command.parent ?? command;
      const wide = root.opts().output === 'wide';
      if (wide) root.setOptionValue('output', 'text');
      const kind = fleetKindOf(kindText);
      const global = ctx.options(command);
      if (options.allNamespaces && global.namespace) {
        throw new InputError('-n/--namespace and -A/--all-namespaces exclude each other', { hint: 'pass one of them' });
      }
      const config = await ctx.loadConfig(command);
      const gateway = await gatewayFor(ctx, config, options.cluster, global.namespace);
      try {
        const namespace = options.allNamespaces ? undefined : gateway.config.namespace;
        if (namespace && !(await gateway.get({ kind: 'Namespace', name: namespace }))) {
          throw new NotFoundError(`namespace "${namespace}" not found`, {
            hint: 'list the namespaces with `opspilot get namespaces`, or pass -A',
          });
        }
        const items = await gateway.list(kind, { namespace, labelSelector: options.selector });
        const now = (ctx.io.clock ?? systemClock).now();
        ctx.print(command, { apiVersion: 'v1', kind: 'List', items }, (list) => {
          if (list.items.length === 0) {
            ctx.io.stderr.write(namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
            return '';
          }
          return formatKubectlRows(kubectlTable(kind, list.items, { now, wide, namespaces: namespace === undefined }));
        });
      } finally {
        gateway.close();
      }
    });
}

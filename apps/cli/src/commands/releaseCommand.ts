import { InputError } from '@opspilot/core';
import { rollbackChartRelease } from '@opspilot/delivery';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { registeredClusterId } from './askApply.js';
import { reviewActor } from './reviewActor.js';
import { chartDeps } from './reviewApplyChart.js';

const ReleaseName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a release name is a DNS label')
  .max(53);
const RollbackOptions = z.object({
  revision: z.coerce.number().int().min(1).optional(),
  timeout: z.coerce.number().int().min(1).max(3600).default(300),
  user: z.string().min(1).optional(),
});

function releaseName(raw: string): string {
  const parsed = ReleaseName.safeParse(raw);
  if (!parsed.success)
    throw new InputError(`invalid release name ${raw}`, { hint: 'e.g. opspilot release history todo -n todo' });
  return parsed.data;
}

/**
 * Registers `opspilot release history <name>` (the revisions of a helm release, as a table or `-o json|yaml`) and
 * `opspilot release rollback <name> [--revision N]` (helm rollback as an audited operation approved by the acting
 * user; exit 1 when it failed). The namespace is `-n` (default the configuration's).
 */
export function releaseCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('release')
    .description('helm releases installed from generated charts: history and roll back');
  group
    .command('history')
    .description('the revisions of a release')
    .argument('<name>', 'release name')
    .action(async (raw: string, _o: unknown, command: Command) => {
      const name = releaseName(raw);
      const config = await ctx.loadConfig(command);
      const namespace = config.kube.namespace ?? 'default';
      const result = await withStore(config, ctx.io.cwd, async (store) => {
        const gateway = openGateway(config, ctx.io);
        const h = await chartDeps(store, gateway, ctx.io.env).releaser.history(name, namespace);
        if (!h.ok) throw h.error;
        return h.value;
      });
      if (result.length === 0) ctx.run.exitCode = 1;
      ctx.print(command, result, (rows) =>
        rows.length === 0
          ? `no release ${name} in namespace ${namespace}`
          : renderColumns([
              ['REVISION', 'STATUS', 'CHART', 'APP VERSION', 'UPDATED', 'DESCRIPTION'],
              ...rows.map((r) => [
                String(r.revision),
                r.status,
                r.chart,
                r.app_version || '-',
                r.updated.slice(0, 19),
                r.description,
              ]),
            ]),
      );
    });
  group
    .command('rollback')
    .description('roll a release back with helm rollback, as an audited operation')
    .argument('<name>', 'release name')
    .option('--revision <n>', 'revision to return to (default the one before the current)')
    .option('--timeout <seconds>', 'how long the rolled-back release may take to become ready', '300')
    .option('--user <name>', 'acting user (default OPSPILOT_USER or the OS user)')
    .action(async (raw: string, rawOptions: unknown, command: Command) => {
      const name = releaseName(raw);
      const o = RollbackOptions.parse(rawOptions);
      const config = await ctx.loadConfig(command);
      const namespace = config.kube.namespace ?? 'default';
      const user = reviewActor(o.user, ctx.io.env);
      const op = await withStore(config, ctx.io.cwd, async (store) => {
        const gateway = openGateway(config, ctx.io);
        const clusterId = await registeredClusterId(store, gateway.config.server);
        return rollbackChartRelease(chartDeps(store, gateway, ctx.io.env, clusterId), {
          release: name,
          namespace,
          revision: o.revision,
          timeoutSeconds: o.timeout,
          user,
        });
      });
      if (op.state !== 'APPLIED') ctx.run.exitCode = 1;
      const result = { operation_id: op.id, operation_state: op.state, result: op.result, problems: op.problems };
      ctx.print(command, result, (r) =>
        [
          `operation ${r.operation_id}: ${r.operation_state}${r.result ? ` — ${r.result}` : ''}`,
          ...r.problems.map((p) => `problem: ${p}`),
        ].join('\n'),
      );
    });
  return group;
}

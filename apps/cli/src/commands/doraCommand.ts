import { InputError, NotFoundError } from '@opspilot/core';
import { type DoraFigures, doraReport } from '@opspilot/delivery';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';

const Options = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  by: z.enum(['service', 'namespace']).default('service'),
  service: z.string().min(1).optional(),
  cluster: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'a registered cluster name or id')
    .optional(),
  to: z.iso.datetime().optional(),
});

/** The id of the registered cluster `ref` names (by name or id); unknown: a NotFoundError naming the registered ones. */
async function clusterIdOf(store: Pick<Store, 'clusters'>, ref: string): Promise<string> {
  const clusters = (await store.clusters.list({}, { page_size: 100 })).items;
  const found = clusters.find((c) => c.name === ref || c.id === ref);
  if (found) return found.id;
  const names = clusters.map((c) => c.name).sort();
  throw new NotFoundError(
    `no registered cluster named ${ref}; registered: ${names.length ? names.join(', ') : 'none'}`,
    {
      hint: names.length ? `use one of: ${names.join(', ')}` : 'register a cluster with `opspilot clusters add`',
    },
  );
}

const hours = (h: number | null) => (h === null ? 'n/a' : h >= 48 ? `${(h / 24).toFixed(1)}d` : `${h.toFixed(1)}h`);

/** The DORA table: one row per service or namespace, "n/a" where there is not enough data. */
export function doraTable(groups: readonly DoraFigures[]): string {
  if (groups.length === 0) return 'no deployments recorded in this range';
  return renderColumns([
    ['SERVICE', 'DEPLOYS', 'PER DAY', 'LEAD TIME (MEDIAN)', 'CHANGE FAILURE', 'TIME TO RESTORE', 'ROLLBACKS'],
    ...groups.map((g) => [
      g.key,
      String(g.deployments),
      g.deployments_per_day.toFixed(2),
      `${hours(g.lead_time_hours.median)} (${g.lead_time_hours.samples})`,
      g.change_failure_rate === null ? 'n/a' : `${Math.round(g.change_failure_rate * 100)}%`,
      `${hours(g.time_to_restore_hours.median)} (${g.time_to_restore_hours.samples})`,
      String(g.rollbacks),
    ]),
  ]);
}

/**
 * Registers `opspilot dora [--days N] [--by service|namespace] [-n NS] [--service NAME] [--cluster NAME]`: DORA metrics from the
 * deployments recorded on the clusters, the CI runs linked to them and the incidents (definitions in
 * docs/delivery.md).
 */
export function doraCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('dora')
    .description('DORA metrics per service: deployment frequency, lead time, change failure rate, time to restore')
    .option('--days <n>', 'length of the range, ending now (or --to)', '30')
    .option('--by <grouping>', 'service or namespace', 'service')
    .option('--service <name>', 'only this service')
    .option('--cluster <name>', 'only deployments and incidents of this registered cluster (name or id)')
    .option('--to <time>', 'end of the range (ISO 8601)')
    .action(async (raw: unknown, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) {
        throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, {
          hint: 'e.g. opspilot dora --days 7 --by namespace',
        });
      }
      const o = parsed.data;
      const namespace = ctx.options(command).namespace;
      const config = await ctx.loadConfig(command);
      const to = o.to ? new Date(o.to) : new Date();
      const report = await withStore(config, ctx.io.cwd, async (store) => ({
        ...(o.cluster ? { cluster: o.cluster } : {}),
        ...(await doraReport(store, {
          from: new Date(to.getTime() - o.days * 86_400_000),
          to,
          groupBy: o.by,
          ...(o.cluster ? { clusterIds: [await clusterIdOf(store, o.cluster)] } : {}),
          ...(namespace ? { namespace } : {}),
          ...(o.service ? { service: o.service } : {}),
        })),
      }));
      ctx.print(
        command,
        report,
        (r) =>
          `${r.from.slice(0, 10)} – ${r.to.slice(0, 10)}${r.cluster ? ` on cluster ${r.cluster}` : ''}\n${doraTable(r.groups)}`,
      );
    });
}

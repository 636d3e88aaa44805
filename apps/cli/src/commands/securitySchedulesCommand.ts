import { type Cluster, InputError, NotFoundError, systemClock } from '@opspilot/core';
import { nextRunAt, ScanScheduleInput } from '@opspilot/security';
import type { Store, StoredScanSchedule } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

interface ScheduleOptions {
  cluster?: string;
  cron?: string;
  timezone?: string;
  namespace?: string;
  allNamespaces?: boolean;
  enable?: boolean;
  disable?: boolean;
}

async function allClusters(store: Store): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for (let page = 1; ; page++) {
    const found = await store.clusters.list({}, { page, page_size: 100 });
    out.push(...found.items);
    if (page >= found.total_pages) return out;
  }
}

/** The registered cluster `--cluster` names (name or id); without it, the only registered cluster. */
async function clusterOf(store: Store, ref: string | undefined): Promise<Cluster> {
  const clusters = await allClusters(store);
  const found = ref
    ? clusters.find((c) => c.id === ref || c.name === ref)
    : clusters.length === 1
      ? clusters[0]
      : undefined;
  if (found) return found;
  throw new NotFoundError(ref ? `no registered cluster ${ref}` : `${clusters.length} clusters are registered`, {
    hint: ref
      ? 'list them with `opspilot clusters`'
      : clusters.length === 0
        ? 'register one with `opspilot clusters add`'
        : 'name one with --cluster NAME',
  });
}

async function scheduleById(store: Store, id: string): Promise<StoredScanSchedule> {
  const all = (await store.scanSchedules.list({}, { page_size: 100 })).items;
  const found = all.filter((s) => s.id === id || s.id.startsWith(id));
  if (found.length === 1) return found[0]!;
  throw new NotFoundError(found.length ? `${found.length} schedules start with ${id}` : `no scan schedule ${id}`, {
    hint: 'list them with `opspilot security schedules` and give the id',
  });
}

/**
 * Registers `opspilot security schedules [list] | add | set ID | delete ID`: cron schedules (read in an IANA time
 * zone) of posture scans per registered cluster, optionally one namespace, in the store the server uses (the
 * server's scheduler runs them; each run is a stored scan). Changes are audited as the API's are.
 */
export function securitySchedulesCommand(security: Command, ctx: CliContext): Command {
  const group = security.command('schedules').description('scheduled posture scans: list, add, set, delete');
  group
    .command('list', { isDefault: true })
    .description('the scan schedules (of one cluster with --cluster)')
    .option('--cluster <name>', 'registered cluster name or id')
    .action(async (o: ScheduleOptions, command: Command) => {
      const config = await ctx.loadConfig(command);
      const rows = await withStore(config, ctx.io.cwd, async (store) => {
        const clusters = await allClusters(store);
        const only = o.cluster ? await clusterOf(store, o.cluster) : undefined;
        const items = (await store.scanSchedules.list(only ? { cluster_id: only.id } : {}, { page_size: 100 })).items;
        return items.map((s) => ({ ...s, cluster: clusters.find((c) => c.id === s.cluster_id)?.name ?? s.cluster_id }));
      });
      ctx.print(command, { apiVersion: 'v1', kind: 'ScanScheduleList', items: rows }, (l) =>
        l.items.length === 0
          ? 'No scan schedules. Add one with `opspilot security schedules add --cron "0 2 * * *"`.\n'
          : `${renderColumns([
              ['ID', 'CLUSTER', 'NAMESPACE', 'CRON', 'TIMEZONE', 'ENABLED', 'NEXT RUN', 'LAST RUN'],
              ...l.items.map((s) => [
                s.id.slice(0, 8),
                s.cluster,
                s.namespace ?? '<all>',
                s.cron,
                s.timezone,
                s.enabled ? 'yes' : 'no',
                s.next_run_at.slice(0, 16).replace('T', ' '),
                s.last_run_at?.slice(0, 16).replace('T', ' ') ?? '-',
              ]),
            ])}\n`,
      );
    });
  group
    .command('add')
    .description('schedule posture scans of a cluster')
    .requiredOption('--cron <expr>', 'five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *"')
    .option('--timezone <tz>', 'IANA time zone the expression is read in', 'UTC')
    .option('--cluster <name>', 'registered cluster name or id (default: the only one)')
    .option('--disable', 'store it disabled (scan only one namespace with the global -n NS)')
    .action(async (o: ScheduleOptions, command: Command) => {
      o.namespace = ctx.options(command).namespace;
      const input = ScanScheduleInput.safeParse({
        cron: o.cron,
        timezone: o.timezone,
        ...(o.namespace ? { namespace: o.namespace } : {}),
        enabled: !o.disable,
      });
      if (!input.success)
        throw new InputError(input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '), {
          hint: 'e.g. --cron "0 2 * * *" --timezone Europe/Berlin',
        });
      const config = await ctx.loadConfig(command);
      const user = reviewActor(undefined, ctx.io.env);
      const created = await withStore(config, ctx.io.cwd, async (store) => {
        const cluster = await clusterOf(store, o.cluster);
        const row = await store.scanSchedules.create({
          cluster_id: cluster.id,
          cron: input.data.cron,
          timezone: input.data.timezone,
          ...(input.data.namespace ? { namespace: input.data.namespace } : {}),
          enabled: input.data.enabled,
          next_run_at: nextRunAt(input.data.cron, input.data.timezone, systemClock.now()).toISOString(),
          created_by: user,
        });
        await store.audit.append({
          action: 'security.schedule.created',
          user_id: user,
          target: `cluster/${cluster.name}`,
          details: {
            schedule_id: row.id,
            cron: row.cron,
            timezone: row.timezone,
            namespace: row.namespace ?? null,
            via: 'cli',
          },
        });
        return row;
      });
      ctx.print(command, created, (s) => `scan schedule ${s.id} added; next run ${s.next_run_at}\n`);
    });
  group
    .command('set')
    .description('change a scan schedule (only the options given)')
    .argument('<id>', 'schedule id (or a unique prefix)')
    .option('--cron <expr>', 'new cron expression')
    .option('--timezone <tz>', 'new IANA time zone')
    .option('-A, --all-namespaces', 'scan every namespace again')
    .option('--enable', 'run it again')
    .option('--disable', 'stop running it (kept)')
    .action(async (id: string, o: ScheduleOptions, command: Command) => {
      if (o.enable && o.disable) throw new InputError('give --enable or --disable, not both');
      o.namespace = ctx.options(command).namespace;
      const config = await ctx.loadConfig(command);
      const user = reviewActor(undefined, ctx.io.env);
      const updated = await withStore(config, ctx.io.cwd, async (store) => {
        const current = await scheduleById(store, id);
        const check = ScanScheduleInput.partial().safeParse({
          ...(o.cron ? { cron: o.cron } : {}),
          ...(o.timezone ? { timezone: o.timezone } : {}),
        });
        if (!check.success)
          throw new InputError(check.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
        const cron = o.cron ?? current.cron;
        const timezone = o.timezone ?? current.timezone;
        const row = await store.scanSchedules.update(current.id, {
          cron,
          timezone,
          ...(o.enable ? { enabled: true } : o.disable ? { enabled: false } : {}),
          ...(o.namespace ? { namespace: o.namespace } : o.allNamespaces ? { namespace: undefined } : {}),
          next_run_at: nextRunAt(cron, timezone, systemClock.now()).toISOString(),
        });
        await store.audit.append({
          action: 'security.schedule.updated',
          user_id: user,
          target: `schedule/${row.id}`,
          details: { schedule_id: row.id, cron, timezone, enabled: row.enabled, via: 'cli' },
        });
        return row;
      });
      ctx.print(command, updated, (s) => `scan schedule ${s.id} changed; next run ${s.next_run_at}\n`);
    });
  group
    .command('delete')
    .description('delete a scan schedule')
    .argument('<id>', 'schedule id (or a unique prefix)')
    .action(async (id: string, _o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const user = reviewActor(undefined, ctx.io.env);
      const deleted = await withStore(config, ctx.io.cwd, async (store) => {
        const current = await scheduleById(store, id);
        await store.scanSchedules.delete(current.id);
        await store.audit.append({
          action: 'security.schedule.deleted',
          user_id: user,
          target: `schedule/${current.id}`,
          details: { schedule_id: current.id, via: 'cli' },
        });
        return { deleted: current.id };
      });
      ctx.print(command, deleted, (d) => `scan schedule ${d.deleted} deleted\n`);
    });
  return group;
}

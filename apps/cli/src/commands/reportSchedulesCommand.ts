import { InputError, NotFoundError, ReportFormat, ReportType, systemClock } from '@opspilot/core';
import {
  changedFields,
  NewReportSchedule,
  nextRunAt,
  type ReportScheduleChange,
  scheduleChangePatch,
} from '@opspilot/reports';
import type { Store, StoredReportSchedule } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

const TYPES: Record<string, ReportType> = {
  executive: 'EXECUTIVE_SUMMARY',
  analysis: 'DETAILED_ANALYSIS',
  incidents: 'INCIDENT_REPORT',
  capacity: 'CAPACITY_PLAN',
};

interface SetOptions {
  type?: string;
  format?: string;
  cron?: string;
  timezone?: string;
  clusters?: string;
  days?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  clearWebhook?: boolean;
  clearSecret?: boolean;
}

/** A schedule as the CLI prints it: never the webhook secret, only whether there is one. */
const shown = ({ webhook_secret, ...s }: StoredReportSchedule) => ({ ...s, signed: webhook_secret !== undefined });

function reportTypeOf(value: string): ReportType {
  const type = TYPES[value] ?? ReportType.safeParse(value.toUpperCase()).data;
  if (!type)
    throw new InputError(`unknown report type ${value}`, { hint: `use one of ${Object.keys(TYPES).join(', ')}` });
  return type;
}

function formatOf(value: string): ReportFormat {
  const format = ReportFormat.safeParse(value.toUpperCase());
  if (!format.success) throw new InputError(`unknown format ${value}`, { hint: 'use markdown, html, pdf or json' });
  return format.data;
}

/** The change the options of `set` describe (only what was given). */
function changeOf(o: SetOptions): ReportScheduleChange {
  const days = o.days === undefined ? undefined : Number(o.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 366))
    throw new InputError(`--days ${o.days} is not 1–366`, { hint: 'e.g. --days 30' });
  const change: ReportScheduleChange = {
    report_type: o.type ? reportTypeOf(o.type) : undefined,
    format: o.format ? formatOf(o.format) : undefined,
    cron: o.cron,
    timezone: o.timezone,
    cluster_scope: o.clusters === undefined ? undefined : o.clusters.split(',').filter(Boolean),
    period_days: days,
    webhook_url: o.clearWebhook ? null : o.webhookUrl,
    webhook_secret: o.clearSecret ? null : o.webhookSecret,
  };
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
}

/** The schedule an argument names: its id, or its name when exactly one schedule has it. */
async function scheduleNamed(store: Store, ref: string): Promise<StoredReportSchedule | undefined> {
  const all = (await store.reportSchedules.list({}, { page_size: 100 })).items;
  const byId = all.find((s) => s.id === ref);
  if (byId) return byId;
  const named = all.filter((s) => s.name === ref);
  if (named.length > 1)
    throw new InputError(`${named.length} schedules are called ${ref}`, { hint: 'name the schedule by its id' });
  return named[0];
}

async function mustFind(store: Store, ref: string) {
  const found = await scheduleNamed(store, ref);
  if (!found)
    throw new NotFoundError(`report schedule ${ref} not found`, { hint: 'list them with `opspilot report schedules`' });
  return found;
}

/**
 * Registers `opspilot report schedules [list] | set NAME | disable NAME | enable NAME | delete NAME` over the store
 * the server uses: `set` creates a schedule (needs `--type` and `--cron`) or changes the options given of an
 * existing one; the next run is worked out again when the timing changes, and from now when a schedule is enabled
 * again. Each change is audited; the webhook secret is sealed in the store and never printed.
 */
export function reportSchedulesCommand(report: Command, ctx: CliContext): Command {
  const schedules = report.command('schedules').description('scheduled reports: list, set, disable, enable, delete');
  const list = async (_options: unknown, command: Command) => {
    const config = await ctx.loadConfig(command);
    const rows = await withStore(config, ctx.io.cwd, async (store) =>
      (await store.reportSchedules.list({}, { page_size: 100 })).items.map(shown),
    );
    ctx.print(command, rows, (all) =>
      all.length === 0
        ? 'No report schedules.'
        : renderColumns([
            ['NAME', 'TYPE', 'FORMAT', 'CRON', 'TIMEZONE', 'ENABLED', 'WEBHOOK', 'NEXT RUN', 'LAST STATUS'],
            ...all.map((s) => [
              s.name,
              s.report_type,
              s.format,
              s.cron,
              s.timezone,
              s.enabled ? 'yes' : 'no',
              s.webhook_url ? `${s.webhook_url}${s.signed ? ' (signed)' : ''}` : '-',
              s.next_run_at?.slice(0, 16).replace('T', ' ') ?? '-',
              s.last_status ?? '-',
            ]),
          ]),
    );
  };
  schedules.command('list', { isDefault: true }).description('the report schedules').action(list);
  schedules
    .command('set')
    .description('create a schedule, or change the options given of an existing one')
    .argument('<name>', 'the schedule name (or id)')
    .option('--type <type>', `report type: ${Object.keys(TYPES).join(', ')}`)
    .option('--format <format>', 'markdown, html, pdf or json (default html)')
    .option('--cron <expr>', 'five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * MON"')
    .option('--timezone <tz>', 'IANA time zone the expression is read in (default UTC)')
    .option('--clusters <list>', 'comma-separated cluster names or ids (empty: the whole fleet)')
    .option('--days <n>', 'the period each report covers, in days (default 7)')
    .option('--webhook-url <url>', 'POST each report here')
    .option('--webhook-secret <secret>', 'sign the posts (HMAC-SHA256); at least 8 characters')
    .option('--clear-webhook', 'stop posting the reports')
    .option('--clear-secret', 'stop signing the posts')
    .action(async (name: string, options: SetOptions, command: Command) => {
      const config = await ctx.loadConfig(command);
      const user = reviewActor(undefined, ctx.io.env);
      const now = systemClock.now();
      const change = changeOf(options);
      const saved = await withStore(config, ctx.io.cwd, async (store) => {
        const current = await scheduleNamed(store, name);
        if (!current) {
          if (!change.report_type || !change.cron)
            throw new InputError(`there is no schedule ${name} to change`, {
              hint: 'create it with --type and --cron',
            });
          const parsed = NewReportSchedule.parse({
            ...change,
            name,
            format: change.format ?? 'HTML',
            webhook_url: change.webhook_url ?? undefined,
            webhook_secret: change.webhook_secret ?? undefined,
          });
          const created = await store.reportSchedules.create({
            ...parsed,
            next_run_at: nextRunAt(parsed.cron, parsed.timezone, now)?.toISOString(),
            created_by: user,
          });
          await store.audit.append({
            action: 'report.scheduled',
            user_id: user,
            target: `report-schedule/${created.id}`,
            status: 'SUCCESS',
            details: { name, cron: created.cron, timezone: created.timezone, via: 'cli' },
          });
          return { schedule: created, verb: 'created' };
        }
        const updated = await store.reportSchedules.update(current.id, scheduleChangePatch(current, change, now));
        await store.audit.append({
          action: 'report.schedule.updated',
          user_id: user,
          target: `report-schedule/${current.id}`,
          status: 'SUCCESS',
          details: { name: updated.name, changed: changedFields(change), via: 'cli' },
        });
        return { schedule: updated, verb: 'changed' };
      });
      ctx.print(
        command,
        shown(saved.schedule),
        (s) => `${saved.verb} schedule ${s.name} (${s.id}); next run ${s.next_run_at ?? 'none'}\n`,
      );
    });
  for (const [verb, enabled] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    schedules
      .command(verb)
      .description(enabled ? 'run a schedule again from its next fire time' : 'stop running a schedule (it is kept)')
      .argument('<name>', 'the schedule name (or id)')
      .action(async (name: string, _options: unknown, command: Command) => {
        const config = await ctx.loadConfig(command);
        const user = reviewActor(undefined, ctx.io.env);
        const updated = await withStore(config, ctx.io.cwd, async (store) => {
          const current = await mustFind(store, name);
          const next = await store.reportSchedules.update(
            current.id,
            scheduleChangePatch(current, { enabled }, systemClock.now()),
          );
          await store.audit.append({
            action: `report.schedule.${verb}d`,
            user_id: user,
            target: `report-schedule/${current.id}`,
            status: 'SUCCESS',
            details: { name: current.name, via: 'cli' },
          });
          return next;
        });
        ctx.print(command, shown(updated), (s) => `${verb}d schedule ${s.name}; next run ${s.next_run_at ?? 'none'}\n`);
      });
  }
  schedules
    .command('delete')
    .description('delete a schedule (its reports stay in the history)')
    .argument('<name>', 'the schedule name (or id)')
    .action(async (name: string, _options: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const user = reviewActor(undefined, ctx.io.env);
      const deleted = await withStore(config, ctx.io.cwd, async (store) => {
        const current = await mustFind(store, name);
        await store.reportSchedules.delete(current.id);
        await store.audit.append({
          action: 'report.schedule.deleted',
          user_id: user,
          target: `report-schedule/${current.id}`,
          status: 'SUCCESS',
          details: { name: current.name, via: 'cli' },
        });
        return current;
      });
      ctx.print(command, { id: deleted.id, name: deleted.name, deleted: true }, (d) => `deleted schedule ${d.name}\n`);
    });
  return schedules;
}

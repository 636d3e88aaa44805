import type { OpspilotConfig } from '@opspilot/config';
import {
  type Alert,
  AlertSeverity,
  AlertState,
  Duration,
  durationToMs,
  InputError,
  NotFoundError,
  systemClock,
} from '@opspilot/core';
import { AlertQuery, alertFirings, createAlertmanagerClient, matchesAlert, parseLabelPairs } from '@opspilot/observe';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { ageOf, durationText, silenceOf } from './alertsText.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const ListOptions = z.object({
  state: z.array(z.string().toUpperCase().pipe(AlertState)).default([]),
  severity: z.array(z.string().toUpperCase().pipe(AlertSeverity)).default([]),
  label: z.array(z.string()).default([]),
  cluster: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  since: Duration.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
});

async function clusterIdOf(store: Store, name: string | undefined): Promise<string | undefined> {
  if (!name) return undefined;
  const found = await store.clusters.findByName(name);
  if (!found) throw new NotFoundError(`no registered cluster named ${name}`, { hint: 'run `opspilot clusters list`' });
  return found.id;
}

/** Stored alerts matching `query`, newest first, at most `limit`. */
async function listAlerts(store: Store, query: AlertQuery, limit: number): Promise<Alert[]> {
  const found: Alert[] = [];
  for (let page = 1; found.length < limit; page++) {
    const result = await store.alerts.list(
      { cluster_id: query.cluster_ids[0], alertname: query.alertname },
      { page, page_size: 100 },
    );
    found.push(...result.items.filter((a) => matchesAlert(a, query)));
    if (page >= result.total_pages) break;
  }
  return found.slice(0, limit);
}

function alertmanager(config: OpspilotConfig) {
  const { url, bearer_token, timeout_ms } = config.alertmanager;
  if (!url) {
    throw new InputError('no Alertmanager is configured', {
      hint: 'set alertmanager.url in opspilot.yaml or OPSPILOT_ALERTMANAGER_URL, e.g. http://alertmanager:9093',
    });
  }
  return createAlertmanagerClient({ url, bearerToken: bearer_token, timeoutMs: timeout_ms });
}

/** Finds a stored alert by id or fingerprint. */
async function findAlert(store: Store, ref: string): Promise<Alert> {
  const byId = z.uuid().safeParse(ref).success ? await store.alerts.find(ref) : undefined;
  const found = byId ?? (await store.alerts.list({ fingerprint: ref }, { page_size: 1 })).items[0];
  if (!found) throw new NotFoundError(`no alert ${ref}`, { hint: 'run `opspilot alerts list` to see ids' });
  return found;
}

/** The one stored alert `ref` (id, fingerprint or name) names; an InputError naming the candidates when several. */
async function oneAlert(store: Store, ref: string): Promise<Alert> {
  const matching = await store.alerts.matching(ref);
  const [alert] = matching;
  if (!alert) throw new NotFoundError(`no alert ${ref}`, { hint: 'run `opspilot alerts list` to see names and ids' });
  if (matching.length > 1) {
    const which = matching.map((a) => `${a.fingerprint} (${a.cluster_name ?? 'no cluster'})`).join(', ');
    throw new InputError(`${matching.length} alerts match ${ref}: ${which}`, {
      hint: 'give the fingerprint or id of one of them',
    });
  }
  return alert;
}

/**
 * Registers `opspilot alerts list|show|history|silence|silences|expire`: the alerts stored from Alertmanager's webhook
 * (filtered by state, severity, labels, cluster, name and age, as a kubectl-style table or `-o json|yaml`), one
 * alert in full, and silences in the configured Alertmanager (`alertmanager.url`).
 */
export function alertsCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('alerts').description('alerts from Alertmanager: list, show and silence them');
  group
    .command('list')
    .description('list stored alerts, newest first')
    .option('--state <state>', 'FIRING, RESOLVED or PENDING (repeatable)', collect)
    .option('--severity <severity>', 'CRITICAL, WARNING or INFO (repeatable)', collect)
    .option('-l, --label <name=value>', 'only alerts with this label (repeatable, or comma-separated)', collect)
    .option('--cluster <name>', 'only alerts of this registered cluster')
    .option('--name <alertname>', 'only alerts of this name')
    .option('--since <duration>', 'only alerts that started within this duration, e.g. 1h')
    .option('--limit <n>', 'at most this many (1-5000)', '100')
    .action(async (raw: unknown, command: Command) => {
      const parsed = ListOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, {
          hint: 'see opspilot alerts list --help',
        });
      }
      const o = parsed.data;
      const labels = parseLabelPairs(o.label);
      if ('error' in labels) throw new InputError(labels.error, { hint: 'give -l name=value' });
      const now = (ctx.io.clock ?? systemClock).now();
      const alerts = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const clusterId = await clusterIdOf(store, o.cluster);
        const query = AlertQuery.parse({
          cluster_ids: clusterId ? [clusterId] : [],
          states: o.state,
          severities: o.severity,
          labels: labels.labels,
          alertname: o.name,
          since: o.since ? new Date(now.getTime() - durationToMs(o.since)).toISOString() : undefined,
        });
        return listAlerts(store, query, o.limit);
      });
      ctx.print(command, { apiVersion: 'v1', kind: 'AlertList', items: alerts }, (list) => {
        if (list.items.length === 0) return 'No alerts found.\n';
        return `${renderColumns([
          ['NAME', 'SEVERITY', 'STATE', 'CLUSTER', 'NAMESPACE', 'AGE', 'SUMMARY', 'ID'],
          ...list.items.map((a) => [
            a.alertname,
            a.severity,
            a.state,
            a.cluster_name ?? '-',
            a.labels.namespace ?? '-',
            ageOf(a.starts_at, now),
            (a.annotations.summary ?? '').slice(0, 60) || '-',
            a.id,
          ]),
        ])}\n`;
      });
    });
  group
    .command('show')
    .description('show one stored alert in full, by id or fingerprint')
    .argument('<alert>', 'id (as in `alerts list`) or Alertmanager fingerprint')
    .action(async (ref: string, _options: unknown, command: Command) => {
      const alert = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) => findAlert(store, ref));
      ctx.print(command, alert, (a) =>
        [
          `Name:         ${a.alertname}`,
          `Id:           ${a.id}`,
          `Fingerprint:  ${a.fingerprint}`,
          `Cluster:      ${a.cluster_name ?? '-'}`,
          `Severity:     ${a.severity}`,
          `State:        ${a.state}`,
          `Started:      ${a.starts_at}`,
          `Ended:        ${a.ends_at ?? '-'}`,
          `Source:       ${a.generator_url ?? '-'}`,
          'Labels:',
          ...Object.entries(a.labels).map(([k, v]) => `  ${k}=${v}`),
          'Annotations:',
          ...Object.entries(a.annotations).map(([k, v]) => `  ${k}: ${v}`),
          '',
        ].join('\n'),
      );
    });
  group
    .command('history')
    .description('the firing history of a stored alert: each fire, resolve and re-fire')
    .argument('<alert>', 'fingerprint, name (when one alert has it) or id')
    .action(async (ref: string, _options: unknown, command: Command) => {
      const now = (ctx.io.clock ?? systemClock).now();
      const history = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const alert = await oneAlert(store, ref);
        const events = await store.alerts.history(alert.id);
        return { alert, events, firings: alertFirings(events) };
      });
      ctx.print(command, { apiVersion: 'v1', kind: 'AlertHistory', ...history }, (h) => {
        const head = `${h.alert.alertname} (${h.alert.fingerprint}) on ${h.alert.cluster_name ?? 'no cluster'}: fired ${h.firings.length} time${h.firings.length === 1 ? '' : 's'}, ${h.alert.state} now\n`;
        if (h.firings.length === 0) return `${head}No firings recorded.\n`;
        return `${head}${renderColumns([
          ['#', 'STARTED', 'ENDED', 'DURATION', 'STATE', 'AGE'],
          ...h.firings.map((f) => [
            String(f.number),
            f.started_at,
            f.ended_at ?? '-',
            f.duration_seconds === undefined
              ? `${durationText((now.getTime() - Date.parse(f.started_at)) / 1000)}+`
              : durationText(f.duration_seconds),
            f.state,
            ageOf(f.started_at, now),
          ]),
        ])}\n`;
      });
    });
  group
    .command('silence')
    .description('silence a stored alert (its labels) or what --matcher selects, in Alertmanager')
    .argument('[alert]', 'id or fingerprint of a stored alert')
    .option('-m, --matcher <matcher>', 'name=value, name!=value, name=~regex or name!~regex (repeatable)', collect)
    .option('--duration <duration>', 'how long, e.g. 30m, 2h, 1d', '2h')
    .requiredOption('--comment <text>', 'why the alerts are silenced')
    .action(
      async (
        ref: string | undefined,
        raw: { matcher?: string[]; duration: string; comment: string },
        command: Command,
      ) => {
        const config = await ctx.loadConfig(command);
        const alert = ref ? await withStore(config, ctx.io.cwd, (store) => findAlert(store, ref)) : undefined;
        const duration = Duration.safeParse(raw.duration);
        if (!duration.success) throw new InputError(`invalid --duration: ${duration.error.issues[0]?.message}`);
        const request = silenceOf(alert, raw.matcher ?? [], durationToMs(duration.data), raw.comment, new Date());
        const id = await alertmanager(config).createSilence(request.silence);
        ctx.print(
          command,
          { silence_id: id, matchers: request.matchers, ends_at: request.silence.endsAt },
          (s) => `silence ${s.silence_id} created until ${s.ends_at} for ${s.matchers.join(', ')}\n`,
        );
      },
    );
  group
    .command('silences')
    .description('list the silences of Alertmanager')
    .action(async (_options: unknown, command: Command) => {
      const silences = await alertmanager(await ctx.loadConfig(command)).silences();
      ctx.print(
        command,
        silences,
        (list) =>
          `${renderColumns([
            ['ID', 'STATE', 'ENDS', 'CREATED BY', 'MATCHERS', 'COMMENT'],
            ...list.map((s) => [
              s.id,
              s.status.state,
              s.endsAt,
              s.createdBy,
              s.matchers.map((m) => `${m.name}${m.isEqual ? '' : '!'}${m.isRegex ? '~' : '='}${m.value}`).join(','),
              s.comment,
            ]),
          ])}\n`,
      );
    });
  group
    .command('expire')
    .description('expire a silence of Alertmanager now')
    .argument('<silence>', 'silence id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await alertmanager(await ctx.loadConfig(command)).expireSilence(id);
      ctx.print(command, { expired: id }, (r) => `silence ${r.expired} expired\n`);
    });
  return group;
}

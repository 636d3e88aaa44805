import { IncidentStatus, InputError, Severity, systemClock } from '@opspilot/core';
import { PHASE_OF } from '@opspilot/incidents';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { ageOf } from './alertsText.js';
import { incidentChartsText } from './incidentCharts.js';
import { localCommander } from './incidentsLocal.js';
import { reviewActor } from './reviewActor.js';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];
const PHASES: Record<string, IncidentStatus> = {
  OPEN: 'DETECTED',
  ACKNOWLEDGED: 'INVESTIGATING',
  MITIGATED: 'MITIGATING',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
};
const Status = z
  .string()
  .toUpperCase()
  .transform((s, c) => {
    const status = PHASES[s] ?? IncidentStatus.safeParse(s).data;
    if (!status)
      c.addIssue({ code: 'custom', message: `unknown status ${s} (open, acknowledged, mitigated, resolved, closed)` });
    return status as IncidentStatus;
  });
const ListOptions = z.object({
  status: z.array(Status).default([]),
  severity: z.array(z.string().toUpperCase().pipe(Severity)).default([]),
  all: z.boolean().default(false),
  recurring: z.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const Id = z.uuid({ error: 'is not an incident id (see `opspilot incidents list`)' });

function parseId(id: string): string {
  const parsed = Id.safeParse(id);
  if (!parsed.success)
    throw new InputError(`${id} is not an incident id`, { hint: 'run `opspilot incidents list` to see ids' });
  return parsed.data;
}

/**
 * Registers `opspilot incidents [list]|show|ack|resolve`: the incidents correlated from alerts, anomalies and findings
 * (active ones by default, kubectl-style table or `-o json|yaml`, with when each one's cause was first seen and how
 * many incidents it has had — `recurring` when it came back after being resolved), one incident with its cause,
 * timeline and ranked causes, and the lifecycle moves (audited under `--user`).
 */
export function incidentsCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('incidents').description('incidents: list, show, acknowledge and resolve them');
  group
    .command('list', { isDefault: true })
    .description('list incidents, newest first (active ones unless --all or --status)')
    .option(
      '--status <status>',
      'open, acknowledged, mitigated, resolved or closed (repeatable, or comma-separated)',
      collect,
    )
    .option('--severity <severity>', 'CRITICAL, HIGH, MEDIUM or LOW (repeatable)', collect)
    .option('-A, --all', 'every incident, resolved and closed ones too')
    .option('--recurring', 'only incidents whose cause came back after being resolved (a new incident, or reopened)')
    .option('--no-recurring', 'only first occurrences of their cause')
    .option('--limit <n>', 'at most this many (1-1000)', '100')
    .action(async (raw: unknown, command: Command) => {
      const parsed = ListOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, {
          hint: 'see opspilot incidents list --help',
        });
      }
      const o = parsed.data;
      const statuses = o.status.length ? o.status : o.all ? [] : ['DETECTED', 'INVESTIGATING', 'MITIGATING'];
      const now = (ctx.io.clock ?? systemClock).now();
      const items = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const found = [];
        for (let page = 1; found.length < o.limit; page++) {
          const result = await store.incidents.list({}, { page, page_size: 100 });
          found.push(
            ...result.items.filter(
              (i) =>
                (!statuses.length || statuses.includes(i.status)) &&
                (!o.severity.length || o.severity.includes(i.severity)) &&
                (o.recurring === undefined || (i.recurring ?? false) === o.recurring),
            ),
          );
          if (page >= result.total_pages) break;
        }
        return found.slice(0, o.limit);
      });
      ctx.print(command, { apiVersion: 'v1', kind: 'IncidentList', items }, (list) => {
        if (list.items.length === 0) return 'No incidents found.\n';
        return `${renderColumns([
          ['ID', 'SEVERITY', 'STATUS', 'OWNER', 'AGE', 'FIRST SEEN', 'SEEN', 'TITLE'],
          ...list.items.map((i) => [
            i.id,
            i.severity,
            PHASE_OF[i.status],
            i.acknowledged_by ?? '-',
            ageOf(i.detected_at, now),
            i.first_seen ? ageOf(i.first_seen, now) : '-',
            i.cause_identity || i.recurring ? `${i.occurrences ?? 1}${i.recurring ? ' (recurring)' : ''}` : '-',
            i.title,
          ]),
        ])}\n`;
      });
    });
  group
    .command('show')
    .description('show one incident: its signals, timeline and ranked causes')
    .argument('<id>', 'id as in `incidents list`')
    .option('--analyze', 'rank its causes again from the cluster now (needs the cluster)')
    .option('--chart', 'draw its signals as terminal charts (needs prometheus.url)')
    .action(async (id: string, options: { analyze?: boolean; chart?: boolean }, command: Command) => {
      const config = await ctx.loadConfig(command);
      const detail = await withStore(config, ctx.io.cwd, async (store) => {
        const commander = await localCommander(config, ctx.io, store);
        const incident = await store.incidents.get(parseId(id));
        const analysis = options.analyze
          ? await commander.analyze(incident.id, reviewActor(undefined, ctx.io.env))
          : await commander.latestAnalysis(incident.id);
        const signals = options.chart ? (await commander.signalsOf(incident.id)).map((h) => h.signal) : [];
        const charts = options.chart
          ? await incidentChartsText(config, ctx.io, incident, signals, analysis, ctx.io.clock?.now() ?? new Date())
          : undefined;
        return {
          incident,
          timeline: await commander.timeline(incident.id),
          causes: analysis?.causes ?? [],
          ...(charts ? { charts } : {}),
        };
      });
      ctx.print(command, detail, (d) =>
        [
          `Id:        ${d.incident.id}`,
          `Title:     ${d.incident.title}`,
          `Severity:  ${d.incident.severity}`,
          `Status:    ${PHASE_OF[d.incident.status]}`,
          `Owner:     ${d.incident.acknowledged_by ?? '-'}`,
          `Detected:  ${d.incident.detected_at}`,
          `Resolved:  ${d.incident.resolved_at ?? '-'}`,
          `Cause:     ${d.incident.cause_identity ?? '-'}`,
          ...(d.incident.first_seen
            ? [
                `Seen:      first ${d.incident.first_seen}, last ${d.incident.last_seen ?? '-'}, in ${d.incident.sightings ?? 1} analysis run(s)`,
                `Recurring: ${d.incident.recurring ? `yes, occurrence ${d.incident.occurrences} of this cause` : 'no'}`,
              ]
            : []),
          `Affected:  ${d.incident.affected_resources.map((r) => `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`).join(', ') || '-'}`,
          '',
          'Causes:',
          ...(d.causes.length
            ? d.causes
                .slice(0, 5)
                .flatMap((c, i) => [
                  `  ${i + 1}. ${c.summary} (${Math.round(c.confidence * 100)}%)${c.runbook ? ` → runbook ${c.runbook.name}` : ''}`,
                  ...c.evidence.slice(0, 4).map((e) => `       ${e.kind}: ${e.source}: ${e.detail.slice(0, 160)}`),
                ])
            : ['  (not analyzed: opspilot incidents show ID --analyze)']),
          '',
          'Timeline:',
          renderColumns([
            ['TIME', 'WHO', 'WHAT', 'DETAIL'],
            ...d.timeline.map((a) => [a.performed_at, a.actor, a.action_type, a.description.slice(0, 120)]),
          ]),
          ...(d.charts ? ['', d.charts] : []),
          '',
        ].join('\n'),
      );
    });
  for (const [name, description] of [
    ['ack', 'acknowledge an incident: you become its owner'],
    ['resolve', 'resolve an incident (--root-cause says what it was)'],
  ] as const) {
    group
      .command(name)
      .description(description)
      .argument('<id>', 'id as in `incidents list`')
      .option('--note <text>', 'a note for the timeline')
      .option('--root-cause <text>', 'the root cause (resolve)')
      .option('--user <name>', 'who acts, for the audit log (default OPSPILOT_USER or the OS user)')
      .action(async (id: string, options: { note?: string; rootCause?: string; user?: string }, command: Command) => {
        const config = await ctx.loadConfig(command);
        const user = reviewActor(options.user, ctx.io.env);
        const incident = await withStore(config, ctx.io.cwd, async (store) => {
          const commander = await localCommander(config, ctx.io, store);
          return name === 'ack'
            ? commander.acknowledge(parseId(id), { user, note: options.note })
            : commander.resolve(parseId(id), { user, note: options.note, root_cause: options.rootCause });
        });
        ctx.print(
          command,
          incident,
          (i) =>
            `incident ${i.id} ${PHASE_OF[i.status].toLowerCase()}${i.acknowledged_by ? ` (owner ${i.acknowledged_by})` : ''}\n`,
        );
      });
  }
  return group;
}

import { ANOMALY_SIGNALS, matchesAnomaly } from '@opspilot/anomaly';
import {
  type AnomalyDetection,
  AnomalySeverity,
  AnomalyType,
  Duration,
  durationToMs,
  InputError,
  NotFoundError,
  systemClock,
} from '@opspilot/core';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { ageOf } from './alertsText.js';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];

const ListOptions = z.object({
  severity: z.array(z.string().toUpperCase().pipe(AnomalySeverity)).default([]),
  type: z.array(z.string().toUpperCase().pipe(AnomalyType)).default([]),
  signal: z.enum(ANOMALY_SIGNALS.map((s) => s.id) as [string, ...string[]]).optional(),
  cluster: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  workload: z.string().min(1).optional(),
  pod: z.string().min(1).optional(),
  node: z.string().min(1).optional(),
  since: Duration.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
});
type ListOptions = z.infer<typeof ListOptions>;

/** What a row says the anomaly is about: the pod, workload, node or GPU of its series. */
function subjectOf(a: AnomalyDetection): string {
  const l = a.labels;
  if (l.signal?.startsWith('gpu-')) return `gpu/${l.Hostname ?? '?'}/${l.gpu ?? l.UUID ?? '?'}`;
  if (l.pod) return `pod/${l.pod}`;
  if (l.app) return `workload/${l.app}`;
  if (l.node) return `node/${l.node}`;
  if (l.gpu || l.UUID) return `gpu/${l.gpu ?? l.UUID}`;
  return '-';
}

async function listAnomalies(store: Store, o: ListOptions, now: Date): Promise<AnomalyDetection[]> {
  let clusterId: string | undefined;
  if (o.cluster) {
    const found = await store.clusters.findByName(o.cluster);
    if (!found)
      throw new NotFoundError(`no registered cluster named ${o.cluster}`, { hint: 'run `opspilot clusters list`' });
    clusterId = found.id;
  }
  const since = o.since ? new Date(now.getTime() - durationToMs(o.since)).toISOString() : undefined;
  const match = {
    severities: o.severity,
    types: o.type,
    labels: { namespace: o.namespace, workload: o.workload, pod: o.pod, node: o.node, signal: o.signal },
  };
  const found: AnomalyDetection[] = [];
  for (let page = 1; found.length < o.limit; page++) {
    const result = await store.anomalies.list(
      { cluster_id: clusterId, detected_at: since ? { gte: since } : undefined },
      { page, page_size: 100 },
    );
    found.push(...result.items.filter((a) => matchesAnomaly(a, match)));
    if (page >= result.total_pages) break;
  }
  return found.slice(0, o.limit);
}

/**
 * Registers `opspilot anomalies [list]|show`: the anomalies the server's anomaly scan found on the series that matter
 * (newest first, filtered by severity, type, signal, cluster, namespace, workload, pod, node and age, as a
 * kubectl-style table or `-o json|yaml`), and one anomaly in full with its explanation.
 */
export function anomaliesCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('anomalies')
    .description('anomalies found on metric series (spikes, drops, trend changes): list and show them');
  group
    .command('list', { isDefault: true })
    .description('list detected anomalies, newest first')
    .option('--severity <severity>', 'HIGH, MEDIUM or LOW (repeatable, or comma-separated)', collect)
    .option('--type <type>', 'SPIKE, DROP, TREND_CHANGE, PATTERN_BREAK or THRESHOLD_BREACH (repeatable)', collect)
    .option('--signal <id>', `only this signal: ${ANOMALY_SIGNALS.map((s) => s.id).join(', ')}`)
    .option('--cluster <name>', 'only anomalies of this registered cluster')
    .option('-n, --namespace <namespace>', 'only anomalies of this namespace')
    .option('--workload <name>', 'only anomalies of this workload')
    .option('--pod <name>', 'only anomalies of this pod')
    .option('--node <name>', 'only anomalies of this node')
    .option('--since <duration>', 'only anomalies detected within this duration, e.g. 1h')
    .option('--limit <n>', 'at most this many (1-5000)', '100')
    .action(async (raw: unknown, command: Command) => {
      const parsed = ListOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, {
          hint: 'see opspilot anomalies list --help',
        });
      }
      const now = (ctx.io.clock ?? systemClock).now();
      const items = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) =>
        listAnomalies(store, parsed.data, now),
      );
      ctx.print(command, { apiVersion: 'v1', kind: 'AnomalyList', items }, (list) => {
        if (list.items.length === 0) return 'No anomalies found.\n';
        return `${renderColumns([
          ['TYPE', 'SEVERITY', 'CONFIDENCE', 'SIGNAL', 'NAMESPACE', 'SUBJECT', 'ACTUAL', 'EXPECTED', 'AGE', 'ID'],
          ...list.items.map((a) => [
            a.anomaly_type,
            a.severity,
            a.confidence_score.toFixed(2),
            a.labels.signal ?? a.metric_name,
            a.labels.namespace ?? '-',
            subjectOf(a),
            a.actual_value === undefined ? '-' : String(Number(a.actual_value.toPrecision(3))),
            a.expected_value === undefined ? '-' : String(Number(a.expected_value.toPrecision(3))),
            ageOf(a.detected_at, now),
            a.id,
          ]),
        ])}\n`;
      });
    });
  group
    .command('show')
    .description('show one anomaly in full, with its explanation')
    .argument('<id>', 'id as in `anomalies list`')
    .action(async (id: string, _options: unknown, command: Command) => {
      if (!z.uuid().safeParse(id).success) {
        throw new InputError(`${id} is not an anomaly id`, { hint: 'run `opspilot anomalies list` to see ids' });
      }
      const anomaly = await withStore(await ctx.loadConfig(command), ctx.io.cwd, (store) => store.anomalies.get(id));
      ctx.print(command, anomaly, (a) =>
        [
          `Id:           ${a.id}`,
          `Type:         ${a.anomaly_type}`,
          `Severity:     ${a.severity} (confidence ${a.confidence_score})`,
          `Metric:       ${a.metric_name}`,
          `Detected:     ${a.detected_at}`,
          `Actual:       ${a.actual_value ?? '-'}`,
          `Expected:     ${a.expected_value ?? '-'}`,
          `Deviation:    ${a.deviation_percent === undefined ? '-' : `${a.deviation_percent}%`}`,
          'Labels:',
          ...Object.entries(a.labels).map(([k, v]) => `  ${k}=${v}`),
          `Explanation:  ${a.explanation}`,
          '',
        ].join('\n'),
      );
    });
  return group;
}

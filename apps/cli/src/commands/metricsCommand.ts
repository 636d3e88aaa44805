import { Duration, durationToMs } from '@opspilot/core';
import { type MetricsAnswer, NAMED_QUERIES } from '@opspilot/observe';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { renderColumns } from '../renderOutput.js';
import { answerChart } from './metricsChart.js';
import { answerRows, localMetrics } from './metricsLocal.js';

const RangeOptions = z.object({
  chart: z.boolean().default(false),
  since: Duration.default('1h'),
  step: Duration.default('1m'),
  timeout: z.coerce.number().int().min(1).max(300).default(30),
});
const NamedOptions = RangeOptions.extend({
  app: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  range: z.boolean().default(false),
});

/** The text of an answer: a kubectl-style table, then a line per cluster that did not succeed. */
export function answerText(answer: MetricsAnswer): string {
  const { rows, notes } = answerRows(answer);
  const head = answer.named ? `${answer.named.title} (${answer.status})` : `${answer.query} (${answer.status})`;
  const body = rows.length > 1 ? renderColumns(rows) : 'no series';
  return [head, body, ...notes].join('\n');
}

const windowOf = (since: string) => {
  const end = new Date();
  return {
    start_time: new Date(end.getTime() - durationToMs(since as never)).toISOString(),
    end_time: end.toISOString(),
  };
};

/**
 * Registers `opspilot metrics query|range|named`: PromQL against `prometheus.url` (instant or over a range), and the
 * named queries (`top-pods-by-memory`, `node-cpu`, `error-rate --app backend`, …) — answered without a Prometheus
 * from one sample of metrics.k8s.io where they can be (CPU and memory). Tables, or `-o json|yaml` with every
 * cluster's result and status. A bad PromQL exits 2 with Prometheus's own message.
 */
export function metricsCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('metrics').description('query metrics: PromQL against Prometheus, or the named queries');
  group
    .command('query')
    .description('an instant PromQL query (needs prometheus.url)')
    .argument('<promql>', 'e.g. sum by (namespace) (rate(container_cpu_usage_seconds_total[5m]))')
    .option('--timeout <seconds>', 'per-cluster deadline', '30')
    .action(async (promql: string, raw: unknown, command: Command) => {
      const { timeout } = RangeOptions.parse(raw);
      const metrics = await localMetrics(await ctx.loadConfig(command), ctx.io);
      const answer = await metrics.instant(promql, { timeout });
      if (answer.status !== 'SUCCESS') ctx.run.exitCode = 1;
      ctx.print(command, answer, answerText);
    });
  group
    .command('range')
    .description('a PromQL range query (needs prometheus.url)')
    .argument('<promql>', 'PromQL expression')
    .option('--since <duration>', 'how far back, e.g. 15m, 1h, 1d', '1h')
    .option('--step <duration>', 'resolution', '1m')
    .option('--timeout <seconds>', 'per-cluster deadline', '30')
    .option('--chart', 'draw each series as a sparkline on one time axis instead of the table')
    .action(async (promql: string, raw: unknown, command: Command) => {
      const o = RangeOptions.parse(raw);
      const metrics = await localMetrics(await ctx.loadConfig(command), ctx.io);
      const answer = await metrics.range(promql, { ...windowOf(o.since), step: o.step, timeout: o.timeout });
      if (answer.status !== 'SUCCESS') ctx.run.exitCode = 1;
      ctx.print(command, answer, o.chart ? answerChart : answerText);
    });
  group
    .command('named')
    .description('a ready-made query by name; without a name, the list')
    .argument('[name]', NAMED_QUERIES.map((q) => q.name).join(', '))
    .option('--app <name>', 'the workload, for per-workload queries (error-rate, request-rate, workload-cpu, …)')
    .option('--limit <n>', 'rows of a top query', '10')
    .option('--range', 'a range rather than the latest values')
    .option('--since <duration>', 'how far back, with --range', '1h')
    .option('--step <duration>', 'resolution, with --range', '1m')
    .option('--timeout <seconds>', 'per-cluster deadline', '30')
    .option('--chart', 'with --range: draw each series as a sparkline instead of the table')
    .action(async (name: string | undefined, raw: unknown, command: Command) => {
      if (!name) {
        const list = NAMED_QUERIES.map((q) => ({
          name: q.name,
          title: q.title,
          unit: q.unit,
          needs_app: q.needsApp === true,
        }));
        ctx.print(command, list, (l) =>
          renderColumns([['NAME', 'UNIT', 'TITLE'], ...l.map((q) => [q.name, q.unit, q.title])]),
        );
        return;
      }
      const o = NamedOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const metrics = await localMetrics(config, ctx.io);
      const params = {
        limit: o.limit,
        ...(o.app ? { app: o.app } : {}),
        ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
      };
      const answer = await metrics.named(name, params, {
        instant: !o.range,
        ...(o.range ? { ...windowOf(o.since), step: o.step } : {}),
        timeout: o.timeout,
      });
      if (answer.status !== 'SUCCESS') ctx.run.exitCode = 1;
      ctx.print(command, answer, o.chart && o.range ? answerChart : answerText);
    });
  return group;
}

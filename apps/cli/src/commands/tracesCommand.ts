import type { OpspilotConfig } from '@opspilot/config';
import {
  Duration,
  durationToMs,
  InputError,
  NotFoundError,
  systemClock,
  type Trace,
  TraceQuery,
  type TraceSource,
} from '@opspilot/core';
import { createTempoClient, createTempoTraceSource, parseLabelPairs } from '@opspilot/observe';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { traceWaterfall } from './traceWaterfall.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const SearchOptions = z.object({
  service: z.string().min(1).optional(),
  operation: z.string().min(1).optional(),
  minDuration: z.coerce.number().int().min(0).optional(),
  maxDuration: z.coerce.number().int().min(0).optional(),
  tag: z.array(z.string()).default([]),
  cluster: z.string().min(1).optional(),
  since: Duration.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Runs `fn` with the configured trace source: Tempo when `tempo.url` is set, else the store's spans. */
async function withTraces<T>(
  config: OpspilotConfig,
  cwd: string,
  fn: (source: TraceSource, clusterId: (name: string) => Promise<string>) => Promise<T>,
): Promise<T> {
  return withStore(config, cwd, async (store) => {
    const clusterId = async (name: string) => {
      const found = await store.clusters.findByName(name);
      if (!found)
        throw new NotFoundError(`no registered cluster named ${name}`, { hint: 'run `opspilot clusters list`' });
      return found.id;
    };
    const { tempo } = config;
    if (!tempo.url) return fn(store.spans, clusterId);
    const client = createTempoClient({
      url: tempo.url,
      bearerToken: tempo.bearer_token,
      tenant: tempo.tenant,
      timeoutMs: tempo.timeout_ms,
    });
    return fn(createTempoTraceSource({ client }), clusterId);
  });
}

const durationText = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms}ms`);

/**
 * Registers `opspilot traces search|get`: traces received over OTLP (or in Tempo when `tempo.url` is set), searched
 * by service (with `*`), operation, duration, tags, cluster and age as a kubectl-style table, and one trace as a
 * span tree with a text waterfall; `-o json|yaml` for both.
 */
export function tracesCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('traces').description('distributed traces: search them, show one as a waterfall');
  group
    .command('search', { isDefault: true })
    .description('search traces, newest first')
    .option('-s, --service <name>', 'only traces with a span of this service (`*` matches any text)')
    .option('--operation <name>', 'only traces with a span of this operation')
    .option('--min-duration <ms>', 'only traces lasting at least this many milliseconds')
    .option('--max-duration <ms>', 'only traces lasting at most this many milliseconds')
    .option(
      '-t, --tag <name=value>',
      'only traces with a span carrying this tag (repeatable), e.g. error=true',
      collect,
    )
    .option('--cluster <name>', 'only traces of this registered cluster')
    .option('--since <duration>', 'only traces that started within this duration, e.g. 15m')
    .option('--limit <n>', 'at most this many (1-100)', '20')
    .action(async (raw: unknown, command: Command) => {
      const parsed = SearchOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, {
          hint: 'see opspilot traces search --help',
        });
      }
      const o = parsed.data;
      const tags = parseLabelPairs(o.tag);
      if ('error' in tags) throw new InputError(tags.error, { hint: 'give -t name=value, e.g. -t error=true' });
      const now = (ctx.io.clock ?? systemClock).now();
      const traces = await withTraces(await ctx.loadConfig(command), ctx.io.cwd, async (source, clusterId) => {
        const query = TraceQuery.safeParse({
          cluster_ids: o.cluster ? [await clusterId(o.cluster)] : [],
          service_name: o.service,
          operation_name: o.operation,
          min_duration_ms: o.minDuration,
          max_duration_ms: o.maxDuration,
          tags: tags.labels,
          start_time: o.since ? new Date(now.getTime() - durationToMs(o.since)).toISOString() : undefined,
          limit: o.limit,
        });
        if (!query.success) {
          throw new InputError(`invalid search: ${query.error.issues[0]?.message}`, {
            hint: '--min-duration must not exceed --max-duration',
          });
        }
        return source.search(query.data);
      });
      ctx.print(command, { apiVersion: 'v1', kind: 'TraceList', items: traces }, (list) => {
        if (list.items.length === 0) return 'No traces found.\n';
        return `${renderColumns([
          ['TRACE ID', 'ROOT', 'CLUSTER', 'STARTED', 'DURATION', 'SPANS', 'SERVICES', 'ERRORS'],
          ...list.items.map((t: Trace) => [
            t.trace_id,
            `${t.root_service ?? '?'}: ${t.root_operation ?? '?'}`.slice(0, 60),
            t.cluster_name ?? '-',
            t.start_time,
            durationText(t.duration_ms),
            String(t.span_count),
            String(t.service_count),
            t.has_errors ? 'yes' : 'no',
          ]),
        ])}\n`;
      });
    });
  group
    .command('get')
    .description('show one trace: its spans as a tree with a waterfall')
    .argument('<trace-id>', 'trace id (32 hex digits, as in `traces search`)')
    .action(async (traceId: string, _options: unknown, command: Command) => {
      if (!/^[0-9a-fA-F]{1,32}$/.test(traceId)) {
        throw new InputError(`${traceId} is not a trace id`, {
          hint: 'give the 32 hex digits shown by `traces search`',
        });
      }
      const trace = await withTraces(await ctx.loadConfig(command), ctx.io.cwd, (source) => source.getTrace(traceId));
      if (!trace) throw new NotFoundError(`no trace ${traceId}`, { hint: 'run `opspilot traces search` to see ids' });
      ctx.print(command, trace, traceWaterfall);
    });
  return group;
}

import {
  assembleTrace,
  type SpanRecord,
  type Trace,
  type TraceQuery,
  TraceQuery as TraceQuerySchema,
  type TraceSource,
} from '@opspilot/core';
import { type Expression, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { Db, Row } from './database.js';
import type { Dialect } from './dialect.js';
import { toStoreError } from './storeErrors.js';

/** A row of `spans` (migration 0009), as read back: times in microseconds, tags and logs as JSON text. */
export const SpanRow = z.object({
  trace_id: z.string(),
  span_id: z.string(),
  parent_span_id: z.string().nullish(),
  cluster_id: z.string().nullish(),
  cluster_name: z.string().nullish(),
  service_name: z.string(),
  operation_name: z.string(),
  kind: z.enum(['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER']),
  start_us: z.coerce.number(),
  end_us: z.coerce.number(),
  status: z.enum(['OK', 'ERROR', 'UNSET']),
  is_error: z.coerce.number(),
  tags: z.string(),
  logs: z.string(),
});
export type SpanRow = z.infer<typeof SpanRow>;

/** Rows per INSERT statement (14 parameters each stays far below SQLite's and PostgreSQL's limits). */
const INSERT_CHUNK = 500;

/** Spans received over OTLP (seed 003 §3.5/§3.6): stored in bulk, searched per trace, pruned by age. */
export interface SpanRepository extends TraceSource {
  /** Stores spans; one already stored (same trace and span id) is left as it is. Returns how many were new. */
  insert(spans: SpanRecord[]): Promise<{ inserted: number }>;
  /** Deletes the spans that started before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

const toRow = (s: SpanRecord): Row => ({
  trace_id: s.trace_id,
  span_id: s.span_id,
  parent_span_id: s.parent_span_id ?? null,
  cluster_id: s.cluster_id ?? null,
  cluster_name: s.cluster_name ?? null,
  service_name: s.service_name,
  operation_name: s.operation_name,
  kind: s.kind,
  start_us: s.start_unix_us,
  end_us: s.start_unix_us + s.duration_us,
  status: s.status,
  is_error: s.status === 'ERROR' ? 1 : 0,
  tags: JSON.stringify(s.tags),
  logs: JSON.stringify(s.logs),
});

const fromRow = (raw: Row): SpanRecord => {
  const r = SpanRow.parse(raw);
  return {
    trace_id: r.trace_id,
    span_id: r.span_id,
    ...(r.parent_span_id ? { parent_span_id: r.parent_span_id } : {}),
    ...(r.cluster_id ? { cluster_id: r.cluster_id } : {}),
    ...(r.cluster_name ? { cluster_name: r.cluster_name } : {}),
    service_name: r.service_name,
    operation_name: r.operation_name,
    kind: r.kind,
    start_unix_us: r.start_us,
    duration_us: r.end_us - r.start_us,
    status: r.status,
    tags: JSON.parse(r.tags) as Record<string, string>,
    logs: JSON.parse(r.logs) as SpanRecord['logs'],
  };
};

const micros = (iso: string) => Date.parse(iso) * 1000;

/**
 * Builds the span repository, which is also the built-in {@link TraceSource}. A search finds traces having one span
 * that matches every span condition (service with `*` wildcards, operation, each tag exactly, case-sensitive), then
 * keeps those whose whole extent matches the trace conditions (start within the window, duration within bounds),
 * newest first. `cluster_ids` keeps traces of those clusters; empty means every trace, also those of no cluster.
 */
export function createSpanRepository(db: Db, dialect: Dialect): SpanRepository {
  const run = async <R>(what: string, fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, dialect, what);
    }
  };
  const contains = (column: string, needle: string): Expression<SqlBool> =>
    dialect === 'postgres'
      ? sql<SqlBool>`strpos(${sql.ref(column)}, ${needle}) > 0`
      : sql<SqlBool>`instr(${sql.ref(column)}, ${needle}) > 0`;
  const serviceMatches = (pattern: string): Expression<SqlBool> => {
    if (!pattern.includes('*')) return sql<SqlBool>`service_name = ${pattern}`;
    if (dialect === 'sqlite') return sql<SqlBool>`service_name glob ${pattern.replace(/[[?]/g, '[$&]')}`;
    const like = pattern.replace(/[\\%_]/g, '\\$&').replace(/\*/g, '%');
    return sql<SqlBool>`service_name like ${like} escape '\\'`;
  };

  const spansOf = async (traceIds: string[]) =>
    traceIds.length === 0
      ? []
      : (await db.selectFrom('spans').selectAll().where('trace_id', 'in', traceIds).execute()).map(fromRow);

  const getTrace = (traceId: string) =>
    run(`trace ${traceId}`, async () => assembleTrace(await spansOf([traceId.toLowerCase()])));

  return {
    getTrace,
    async insert(spans) {
      return run('spans', async () => {
        let inserted = 0;
        for (let i = 0; i < spans.length; i += INSERT_CHUNK) {
          const rows = spans.slice(i, i + INSERT_CHUNK).map(toRow);
          const result = await db
            .insertInto('spans')
            .values(rows)
            .onConflict((c) => c.columns(['trace_id', 'span_id']).doNothing())
            .executeTakeFirst();
          inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
        }
        return { inserted };
      });
    },
    async prune(before) {
      return run('spans', async () => {
        const result = await db
          .deleteFrom('spans')
          .where('start_us', '<', before.getTime() * 1000)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    },
    async search(input: TraceQuery) {
      const query = TraceQuerySchema.parse(input);
      return run('traces', async () => {
        const spanConditions: Expression<SqlBool>[] = [];
        if (query.service_name) spanConditions.push(serviceMatches(query.service_name));
        if (query.operation_name) spanConditions.push(sql<SqlBool>`operation_name = ${query.operation_name}`);
        for (const [key, value] of Object.entries(query.tags)) {
          spanConditions.push(contains('tags', `${JSON.stringify(key)}:${JSON.stringify(value)}`));
        }
        let q = db
          .selectFrom('spans')
          .select((eb) => [
            'trace_id',
            eb.fn.min<number>('start_us').as('first_us'),
            eb.fn.max<number>('end_us').as('last_us'),
          ])
          .groupBy('trace_id');
        if (query.trace_id) q = q.where('trace_id', '=', query.trace_id.toLowerCase());
        if (query.cluster_ids.length) q = q.where('cluster_id', 'in', query.cluster_ids);
        if (spanConditions.length) {
          const matching = db
            .selectFrom('spans')
            .select('trace_id')
            .where((eb) => eb.and(spanConditions));
          q = q.where('trace_id', 'in', matching);
        }
        if (query.start_time) q = q.having(sql`min(start_us)`, '>=', micros(query.start_time));
        if (query.end_time) q = q.having(sql`min(start_us)`, '<=', micros(query.end_time));
        if (query.min_duration_ms !== undefined) {
          q = q.having(sql`max(end_us) - min(start_us)`, '>=', query.min_duration_ms * 1000 - 500);
        }
        if (query.max_duration_ms !== undefined) {
          q = q.having(sql`max(end_us) - min(start_us)`, '<=', query.max_duration_ms * 1000 + 499);
        }
        // Bounds are on the duration in whole milliseconds, as traces report it (rounded).
        const found = await q.orderBy(sql`min(start_us)`, 'desc').limit(query.limit).execute();
        const ids = found.map((r) => String(r.trace_id));
        const byTrace = new Map<string, SpanRecord[]>(ids.map((id) => [id, []]));
        for (const span of await spansOf(ids)) byTrace.get(span.trace_id)?.push(span);
        return ids.flatMap((id) => {
          const trace = assembleTrace(byTrace.get(id) ?? [], false);
          return trace ? [trace] : [];
        }) as Trace[];
      });
    },
  };
}

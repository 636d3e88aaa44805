import { Duration, durationToMs, InputError, Timestamp, Trace, TraceQuery } from '@opspilot/core';
import { parseLabelPairs } from '@opspilot/observe';
import { z } from 'zod';
import { getTrace, searchTraces, TraceBackend } from '../../traces/searchTraces.js';
import { ListParam } from '../apiSchemas.js';
import { procedureFor, router } from '../trpc.js';

const Millis = z.coerce.number().int().min(0);

const SearchInput = z.object({
  cluster_ids: ListParam(z.uuid()),
  /** Service name; `*` matches any text (`order-*`). */
  service_name: z.string().trim().min(1).max(256).optional(),
  operation_name: z.string().trim().min(1).max(512).optional(),
  min_duration_ms: Millis.optional(),
  max_duration_ms: Millis.optional(),
  /** `name=value` tag filters (comma-separated in a query string); every one must hold on one span. */
  tag: ListParam(z.string().min(1).max(1024)),
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  /** A window ending now (or at end_time), e.g. `15m`; ignored when start_time is given. */
  since: Duration.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const TraceId = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{1,32}$/, 'expected a trace id of up to 32 hex digits');

/**
 * Traces (seed 003 §3.4–3.6): search by service, operation, duration, tags and time, and one trace with all its
 * spans. Read from the spans received at `POST /v1/traces`, or from Tempo when `tempo.url` is set.
 */
export const tracesRouter = router({
  search: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/traces', tags: ['traces'], protect: true, summary: 'Search traces' },
    })
    .input(SearchInput)
    .output(z.object({ traces: z.array(Trace), source: TraceBackend, limit: z.number(), notes: z.array(z.string()) }))
    .query(async ({ ctx, input, signal }) => {
      const tags = parseLabelPairs(input.tag);
      if ('error' in tags) throw new InputError(tags.error, { hint: 'give tags as name=value, e.g. error=true' });
      const end = input.end_time ? new Date(input.end_time) : ctx.services.clock.now();
      const start_time =
        input.start_time ??
        (input.since ? new Date(end.getTime() - durationToMs(input.since)).toISOString() : undefined);
      const parsed = TraceQuery.safeParse({
        cluster_ids: input.cluster_ids,
        service_name: input.service_name,
        operation_name: input.operation_name,
        min_duration_ms: input.min_duration_ms,
        max_duration_ms: input.max_duration_ms,
        tags: tags.labels,
        start_time,
        end_time: input.end_time,
        limit: input.limit,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid trace search: ${issue?.path.join('.')}: ${issue?.message}`, {
          hint: 'give a window that starts before it ends and a minimum duration below the maximum',
        });
      }
      return searchTraces(ctx.services, ctx.principal, parsed.data, signal);
    }),

  get: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/traces/{trace_id}', tags: ['traces'], protect: true, summary: 'One trace' },
    })
    .input(z.object({ trace_id: TraceId }))
    .output(Trace)
    .query(({ ctx, input, signal }) => getTrace(ctx.services, ctx.principal, input.trace_id.toLowerCase(), signal)),
});

import { Duration, durationToMs, InputError, LogDirection, Timestamp } from '@opspilot/core';
import { LOGQL_SUBSET, LogAnswer } from '@opspilot/observe';
import { z } from 'zod';
import { searchLogs } from '../../observe/logSourceFor.js';
import { ListParam, NoInput } from '../apiSchemas.js';
import { procedureFor, router } from '../trpc.js';

const QueryInput = z.object({
  /** LogQL: the documented subset over the Kubernetes API, full LogQL when Loki is configured. */
  query: z.string().trim().min(1, 'give a LogQL query, e.g. {namespace="todo"} |= "error"').max(4096),
  cluster_ids: ListParam(z.uuid()),
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  /** A window ending now (or at end_time), e.g. `15m`; ignored when start_time is given. */
  since: Duration.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  direction: LogDirection.default('BACKWARD'),
});

/**
 * Logs (seed 003 §3.7/§3.8): one LogQL query across the caller's clusters, each line tagged with its cluster and
 * stream labels, with the limits that cut the answer said in it. Live following is the WebSocket at
 * `/api/logs/follow`. Log lines are untrusted cluster text.
 */
export const logsRouter = router({
  query: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/logs', tags: ['logs'], protect: true, summary: 'Search logs with LogQL' },
    })
    .input(QueryInput)
    .output(LogAnswer)
    .query(async ({ ctx, input, signal }) => {
      const { since, ...rest } = input;
      const end = input.end_time ? new Date(input.end_time) : ctx.services.clock.now();
      const start_time =
        input.start_time ?? (since ? new Date(end.getTime() - durationToMs(since)).toISOString() : undefined);
      if (start_time && input.end_time && start_time > input.end_time) {
        throw new InputError('start_time is after end_time', { hint: 'give a window that starts before it ends' });
      }
      return searchLogs(ctx.services, ctx.principal, { ...rest, start_time }, signal);
    }),

  syntax: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/logs/syntax', tags: ['logs'], protect: true, summary: 'The LogQL subset' },
    })
    .input(NoInput)
    .output(z.object({ subset: z.string(), source: z.enum(['kubernetes', 'loki']) }))
    .query(({ ctx }) => ({ subset: LOGQL_SUBSET, source: ctx.services.config.loki.url ? 'loki' : 'kubernetes' })),
});

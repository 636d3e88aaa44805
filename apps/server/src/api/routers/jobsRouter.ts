import { z } from 'zod';
import { watcherLeaseTable } from '../../fleet/watcherLeaseTable.js';
import { procedureFor, router } from '../trpc.js';

const ParkedJobOutput = z.object({
  id: z.string(),
  name: z.string(),
  payload: z.unknown(),
  attempts: z.int(),
  error: z.string(),
  failed_at: z.string().optional(),
});

const LeaseOutput = z.object({ cluster_id: z.string(), owner: z.string(), expires_in_ms: z.number() });

/**
 * Background work (README "Scale-out"): jobs parked after every attempt failed (dead-lettered, newest first), and
 * which server process holds which cluster's watcher lease. Operators and administrators only: payloads name
 * clusters and resources.
 */
export const jobsRouter = router({
  parked: procedureFor('OPERATOR')
    .meta({
      openapi: { method: 'GET', path: '/jobs/parked', tags: ['jobs'], protect: true, summary: 'List parked jobs' },
    })
    .input(z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }))
    .output(z.object({ queue: z.string(), items: z.array(ParkedJobOutput) }))
    .query(async ({ ctx, input }) => {
      const jobs = ctx.services.jobs;
      if (!jobs) return { queue: 'none', items: [] };
      return { queue: jobs.kind, items: await jobs.parked({ limit: input.limit }) };
    }),

  leases: procedureFor('OPERATOR')
    .meta({
      openapi: { method: 'GET', path: '/jobs/leases', tags: ['jobs'], protect: true, summary: 'List watcher leases' },
    })
    .input(z.object({}))
    .output(z.object({ items: z.array(LeaseOutput) }))
    .query(async ({ ctx }) => ({ items: await watcherLeaseTable(ctx.services.store).holders() })),
});

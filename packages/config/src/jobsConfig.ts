import { z } from 'zod';

/** Job-queue implementations accepted by `jobs.queue`. */
export const JOB_QUEUES = ['memory', 'pg-boss', 'bullmq'] as const;

const DURATION = 'expected a duration of at least one unit, like 3s, 15s, 1m';
const positiveDuration = (fallback: string) =>
  z
    .string({ error: DURATION })
    .regex(/^[1-9][0-9]*[smhdw]$/, { error: DURATION })
    .default(fallback);
const COUNT = 'expected a positive integer';
const TEXT = 'expected a non-empty string';
const NAME = 'expected a name of letters, digits and underscores';

/**
 * `jobs:` — background work and its distribution over server processes. `memory` (the default, for the embedded
 * SQLite store) runs jobs in this process and watches every cluster here. `pg-boss` (PostgreSQL, `database.url`) and
 * `bullmq` (Redis, `jobs.redis_url` or else `events.redis_url`) share jobs among every process of one database, and
 * each cluster is watched by the one process holding its lease (a row renewed every `lease_ttl / 3`; a process that
 * dies is replaced within `lease_ttl` plus one renewal).
 */
export const jobsSection = z
  .strictObject(
    {
      queue: z.enum(JOB_QUEUES, { error: `expected one of ${JOB_QUEUES.join(', ')}` }).default('memory'),
      redis_url: z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional(),
      /** pg-boss schema or BullMQ key prefix (default `pgboss` / `opspilot`); one per deployment sharing a server. */
      namespace: z
        .string({ error: NAME })
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, { error: NAME })
        .optional(),
      lease_ttl: positiveDuration('15s'),
      attempts: z.int({ error: COUNT }).min(1, { error: COUNT }).default(3),
      backoff: positiveDuration('5s'),
      worker_id: z.string({ error: TEXT }).min(1, { error: TEXT }).optional(),
    },
    { error: 'expected a mapping of keys' },
  )
  .prefault({});

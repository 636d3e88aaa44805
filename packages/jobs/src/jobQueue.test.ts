import { randomBytes } from 'node:crypto';
import type { JobQueue } from '@opspilot/core';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullmqJobQueue } from './bullmqJobQueue.js';
import { createMemoryJobQueue } from './memoryJobQueue.js';
import { createPgBossJobQueue } from './pgBossJobQueue.js';

const TEST_DATABASE_URL = process.env.OPSPILOT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.OPSPILOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = randomBytes(4).toString('hex');

// Each kind opens queues in one namespace of its own (a pg-boss schema, a BullMQ prefix); `shared` says whether two
// queues of one namespace share jobs (two server processes) or not (two in-process queues).
const KINDS: [
  string,
  { shared: boolean; open: (ns: string) => Promise<JobQueue>; drop: (ns: string) => Promise<void> },
][] = [
  ['memory', { shared: false, open: async () => createMemoryJobQueue(), drop: async () => undefined }],
  [
    'pg-boss',
    {
      shared: true,
      open: (ns) =>
        createPgBossJobQueue({ connectionString: TEST_DATABASE_URL, schema: ns, pollingIntervalSeconds: 0.5 }),
      drop: async (ns) => {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop schema if exists ${ns} cascade`);
        await client.end();
      },
    },
  ],
  [
    'bullmq',
    {
      shared: true,
      open: (ns) => createBullmqJobQueue({ url: REDIS_URL, prefix: ns }),
      drop: async (ns) => {
        const redis = new Redis(REDIS_URL);
        const keys = await redis.keys(`${ns}:*`);
        if (keys.length > 0) await redis.del(...keys);
        await redis.quit();
      },
    },
  ],
];

describe.each(KINDS)('the %s job queue', (kind, { shared, open, drop }) => {
  const namespaces: string[] = [];
  const opened: JobQueue[] = [];
  const fresh = async (count: number) => {
    const ns = `opspilot_jobs_${RUN}_${kind.replace('-', '')}_${namespaces.length}`;
    namespaces.push(ns);
    const queues: JobQueue[] = [];
    for (let i = 0; i < count; i++) queues.push(await open(ns));
    opened.push(...queues);
    return queues;
  };
  afterAll(async () => {
    await Promise.all(opened.map((q) => q.close()));
    for (const ns of namespaces) await drop(ns);
  }, 60_000);

  it('retries a throwing job with growing back-off, then parks one that never succeeds', async () => {
    const [queue] = (await fresh(1)) as [JobQueue];
    const tries: { attempt: number; at: number }[] = [];
    await queue.process<{ n: number }>('flaky', async (job) => {
      tries.push({ attempt: job.attempt, at: Date.now() });
      if (job.attempt < 3) throw new Error(`try ${job.attempt} failed`);
    });
    await queue.process<{ n: number }>('broken', async (job) => {
      throw new Error(`broken ${job.payload.n}`);
    });
    await queue.enqueue('flaky', { n: 1 }, { attempts: 3, backoffMs: 1_000 });
    await queue.enqueue('broken', { n: 7 }, { attempts: 2, backoffMs: 1_000 });
    await expect.poll(() => tries.map((t) => t.attempt), { timeout: 30_000, interval: 200 }).toEqual([1, 2, 3]);
    const [first, second, third] = tries as unknown as [{ at: number }, { at: number }, { at: number }];
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(third.at - second.at).toBeGreaterThanOrEqual(1_800);
    await expect
      .poll(async () => (await queue.parked()).map((j) => [j.name, j.payload, j.attempts, j.error]), {
        timeout: 30_000,
        interval: 200,
      })
      .toEqual([['broken', { n: 7 }, 2, 'broken 7']]);
  }, 60_000);

  it('runs a scheduled job once per period and never twice at once, whichever process takes it', async () => {
    const queues = await fresh(shared ? 3 : 1);
    let active = 0;
    let most = 0;
    const runs: number[] = [];
    for (const [i, queue] of queues.entries()) {
      await queue.process(
        'tick',
        async () => {
          active += 1;
          most = Math.max(most, active);
          runs.push(i);
          // The job's own work: longer than the period, so a second run would overlap if it were allowed.
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          active -= 1;
        },
        { exclusive: true },
      );
      await queue.schedule('tick', {}, { everyMs: 1_000 });
    }
    await expect.poll(() => runs.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
  }, 60_000);
});

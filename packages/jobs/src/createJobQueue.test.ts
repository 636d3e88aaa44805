import { describe, expect, it } from 'vitest';
import { createJobQueue } from './createJobQueue.js';

describe('createJobQueue', () => {
  it('refuses a shared queue without the place to keep its jobs, naming the key to set', async () => {
    await expect(createJobQueue({ queue: 'pg-boss' })).rejects.toMatchObject({
      code: 'INPUT',
      message: expect.stringMatching(/database\.url is not set/),
    });
    await expect(createJobQueue({ queue: 'bullmq' })).rejects.toMatchObject({
      message: expect.stringMatching(/neither jobs\.redis_url nor events\.redis_url/),
    });
  });

  it('gives jobs jobs.attempts tries, jobs.backoff apart, unless they say otherwise', async () => {
    const queue = await createJobQueue({ queue: 'memory', attempts: 2, backoff: '1s' });
    const tries: number[] = [];
    await queue.process('fails', async (job) => {
      tries.push(job.attempt);
      throw new Error('no');
    });
    await queue.enqueue('fails', {});
    await queue.enqueue('fails', {}, { attempts: 1 });
    await expect
      .poll(async () => (await queue.parked()).map((j) => j.attempts).sort(), { timeout: 5_000 })
      .toEqual([1, 2]);
    expect(tries.sort()).toEqual([1, 1, 2]);
    await queue.close();
  });
});

import { createMemoryJobQueue } from '@opspilot/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/startTestApi.js';

describe('the jobs API', () => {
  let t: TestApi;
  const queue = createMemoryJobQueue();
  beforeAll(async () => {
    t = await startTestApi();
    t.services.jobs = queue;
  });
  afterAll(async () => {
    await queue.close();
    await t?.close();
  });

  it('lists a job parked after its retries, to operators only', async () => {
    await queue.process<{ cluster: string }>('report.render', async (job) => {
      throw new Error(`no data for ${job.payload.cluster}`);
    });
    await queue.enqueue('report.render', { cluster: 'east' }, { attempts: 2, backoffMs: 10 });
    await expect
      .poll(async () => (await t.rest('GET', '/jobs/parked', t.users.operator.token)).json(), { timeout: 10_000 })
      .toMatchObject({
        queue: 'memory',
        items: [{ name: 'report.render', payload: { cluster: 'east' }, attempts: 2, error: 'no data for east' }],
      });
    expect((await t.rest('GET', '/jobs/parked', t.users.viewer.token)).statusCode).toBe(403);
    expect((await t.rest('GET', '/jobs/leases', t.users.admin.token)).json()).toEqual({ items: [] });
  });
});

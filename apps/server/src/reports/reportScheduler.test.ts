import { randomBytes } from 'node:crypto';
import { OpspilotConfig } from '@opspilot/config';
import { type JobQueue, ManualClock } from '@opspilot/core';
import { createJobQueue } from '@opspilot/jobs';
import { openTestStore, TEST_DATABASE_URL, type TestStore } from '@opspilot/store/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServices } from '../api/apiServices.js';
import { createApiServices } from '../api/createApiServices.js';
import { runDueReports, startReportScheduler } from './reportScheduler.js';

const REDIS_URL = process.env.OPSPILOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const START = new Date('2026-03-01T10:00:00.000Z');
const FIRE = '2026-03-02T07:00:00.000Z';

type Engine = { services: ApiServices & { close(): Promise<void> }; jobs: JobQueue; stop: () => void };

// Two server engines share one PostgreSQL schema and one job queue (BullMQ on Redis, or pg-boss on PostgreSQL), each
// with its own clock. Both tick at the same fire time of a schedule: the report is built, stored and recorded once.
describe.each([
  ['BullMQ on Redis', 'bullmq'],
  ['pg-boss on PostgreSQL', 'pg-boss'],
] as const)('scheduled reports on two engines sharing %s', (_name, queue) => {
  let t: TestStore;
  const engines: Engine[] = [];
  const ns = `opspilot_reports_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await openTestStore('postgres');
    const config = OpspilotConfig.parse({});
    const logger = pino({ level: 'silent' });
    for (let i = 0; i < 2; i++) {
      const jobs = await createJobQueue(
        queue === 'bullmq'
          ? { queue, redis_url: REDIS_URL, namespace: ns }
          : { queue, database_url: TEST_DATABASE_URL, namespace: `${ns}_jobs` },
      );
      const services = {
        ...(await createApiServices({ config, store: t.store, logger, clock: new ManualClock(START) })),
        jobs,
      };
      const stop = await startReportScheduler(services, 3_600_000);
      engines.push({ services, jobs, stop });
    }
  }, 120_000);

  afterAll(async () => {
    for (const e of engines) {
      e.stop();
      await e.services.close();
      await e.jobs.close();
    }
    await t?.cleanup();
  }, 60_000);

  it('runs each fire time once', async () => {
    const schedule = await t.store.reportSchedules.create({
      name: 'weekly incidents',
      report_type: 'INCIDENT_REPORT',
      format: 'MARKDOWN',
      cron: '0 8 * * MON',
      timezone: 'Europe/Berlin',
      period_days: 7,
      next_run_at: FIRE,
      created_by: 'alice',
    });
    const clocks = engines.map((e) => e.services.clock as ManualClock);
    for (const clock of clocks) await clock.advance(Date.parse(FIRE) - START.getTime());
    // Both engines tick, twice each, at the same moment.
    const ticks = await Promise.all(engines.flatMap((e) => [runDueReports(e.services), runDueReports(e.services)]));
    expect(ticks.flat().every((r) => r.status === 'QUEUED')).toBe(true);
    await expect
      .poll(async () => (await t.store.reportSchedules.get(schedule.id)).last_run_at, { timeout: 30_000 })
      .toBe(FIRE);
    const reports = async () =>
      (await t.store.reports.list({ report_type: 'INCIDENT_REPORT' }, { page_size: 10 })).items.length;
    expect(await reports()).toBe(1);
    const after = await t.store.reportSchedules.get(schedule.id);
    expect(after).toMatchObject({ next_run_at: '2026-03-09T07:00:00.000Z', last_status: 'OK' });
    // Later ticks of either engine find nothing due until the next fire time; the next week runs once again.
    expect(await runDueReports(engines[1]!.services)).toEqual([]);
    for (const clock of clocks) await clock.advance(7 * 86_400_000);
    await Promise.all(engines.map((e) => runDueReports(e.services)));
    await expect
      .poll(async () => (await t.store.reportSchedules.get(schedule.id)).last_run_at, { timeout: 30_000 })
      .toBe('2026-03-09T07:00:00.000Z');
    expect(await reports()).toBe(2);
  }, 90_000);
});

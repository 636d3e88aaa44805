import { describe, expect, it } from 'vitest';
import { checkCron, dueSchedules, NewReportSchedule, nextRunAt, periodEnding } from './reportSchedule.js';

describe('report schedules', () => {
  it('reads the cron expression in its time zone', () => {
    // 08:00 on Mondays in Berlin is 07:00 UTC in winter.
    expect(nextRunAt('0 8 * * MON', 'Europe/Berlin', new Date('2026-12-06T12:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T07:00:00.000Z',
    );
    expect(nextRunAt('0 8 * * MON', 'UTC', new Date('2026-12-06T12:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
    // New York's 09:00 is 13:00 UTC in summer and 14:00 UTC in winter.
    expect(nextRunAt('0 9 1 * *', 'America/New_York', new Date('2026-06-15T00:00:00Z'))?.toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
  });

  it('refuses a bad expression or time zone with a hint', () => {
    expect(() => checkCron('0 25 * * *', 'UTC')).toThrow(/invalid cron expression/);
    expect(() => checkCron('0 8 * * *', 'Mars/Olympus')).toThrow(/unknown time zone/);
    const parsed = NewReportSchedule.safeParse({
      name: 'x',
      report_type: 'EXECUTIVE_SUMMARY',
      format: 'PDF',
      cron: 'every day',
    });
    expect(parsed.success).toBe(false);
    expect(
      NewReportSchedule.safeParse({
        name: 'x',
        report_type: 'EXECUTIVE_SUMMARY',
        format: 'PDF',
        cron: '0 8 * * *',
        webhook_url: 'ftp://x',
      }).success,
    ).toBe(false);
  });

  it('finds the enabled schedules that are due', () => {
    const now = new Date('2026-12-07T07:00:00Z');
    const list = [
      { id: 'a', enabled: true, next_run_at: '2026-12-07T07:00:00.000Z' },
      { id: 'b', enabled: true, next_run_at: '2026-12-07T07:00:01.000Z' },
      { id: 'c', enabled: false, next_run_at: '2026-12-01T00:00:00.000Z' },
      { id: 'd', enabled: true },
    ];
    expect(dueSchedules(list, now).map((s) => s.id)).toEqual(['a']);
    expect(periodEnding(now, 7)).toEqual({ start: '2026-11-30T07:00:00.000Z', end: '2026-12-07T07:00:00.000Z' });
  });
});

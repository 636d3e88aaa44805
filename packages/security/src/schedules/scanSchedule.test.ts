import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { dueSchedules, nextRunAt, ScanScheduleInput } from './scanSchedule.js';

describe('nextRunAt', () => {
  it('reads the cron expression in the schedule time zone', () => {
    const after = new Date('2026-12-06T20:00:00Z');
    expect(nextRunAt('0 2 * * *', 'UTC', after).toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(nextRunAt('0 2 * * *', 'Europe/Berlin', after).toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(nextRunAt('30 9 * * 1', 'America/New_York', after).toISOString()).toBe('2026-12-07T14:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    // Berlin moves to CEST on 2027-03-28: 02:00 local is then 00:00 UTC.
    expect(nextRunAt('0 2 * * *', 'Europe/Berlin', new Date('2027-03-28T12:00:00Z')).toISOString()).toBe(
      '2027-03-29T00:00:00.000Z',
    );
  });

  it('refuses a bad expression or time zone with a hint', () => {
    expect(() => nextRunAt('every night', 'UTC', new Date())).toThrow(InputError);
    expect(() => nextRunAt('0 2 * * *', 'Mars/Base', new Date())).toThrow(/unknown time zone Mars\/Base/);
    expect(ScanScheduleInput.safeParse({ cron: '0 2 * *' }).success).toBe(false);
    expect(ScanScheduleInput.safeParse({ cron: '0 2 * * *', timezone: 'Nowhere/City' }).success).toBe(false);
    expect(ScanScheduleInput.parse({ cron: '0 2 * * *' }).timezone).toBe('UTC');
  });
});

describe('dueSchedules', () => {
  it('keeps the enabled schedules that are due, earliest first', () => {
    const s = (id: string, at: string, enabled = true) => ({ id, enabled, next_run_at: at });
    const now = new Date('2026-12-07T02:00:00Z');
    expect(
      dueSchedules(
        [
          s('a', '2026-12-07T02:00:00.000Z'),
          s('b', '2026-12-07T01:00:00.000Z'),
          s('c', '2026-12-07T03:00:00.000Z'),
          s('d', '2026-12-01T00:00:00.000Z', false),
        ],
        now,
      ).map((x) => x.id),
    ).toEqual(['b', 'a']);
  });
});

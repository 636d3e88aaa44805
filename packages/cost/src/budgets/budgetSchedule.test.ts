import { describe, expect, it } from 'vitest';
import { nextBudgetCheck, parseBudgetSchedule } from './budgetSchedule.js';

describe('budget check schedule', () => {
  it('fires at the cron time of its time zone, across a daylight-saving change', () => {
    const berlin = parseBudgetSchedule({ cron: '0 8 * * *', timezone: 'Europe/Berlin' });
    // Winter: 08:00 in Berlin is 07:00 UTC; summer (after 29 March 2026): 06:00 UTC.
    expect(nextBudgetCheck(berlin, new Date('2026-01-05T06:59:00Z'))?.toISOString()).toBe('2026-01-05T07:00:00.000Z');
    expect(nextBudgetCheck(berlin, new Date('2026-01-05T07:00:00Z'))?.toISOString()).toBe('2026-01-06T07:00:00.000Z');
    expect(nextBudgetCheck(berlin, new Date('2026-03-29T00:00:00Z'))?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    const kolkata = parseBudgetSchedule({ cron: '0 * * * *', timezone: 'Asia/Kolkata' });
    expect(nextBudgetCheck(kolkata, new Date('2026-01-05T10:00:00Z'))?.toISOString()).toBe('2026-01-05T10:30:00.000Z');
    expect(parseBudgetSchedule({})).toEqual({ cron: '0 * * * *', timezone: 'UTC' });
  });

  it('refuses an unknown time zone or a bad expression, saying which', () => {
    expect(() => parseBudgetSchedule({ cron: '0 8 * * *', timezone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(() => parseBudgetSchedule({ cron: '0 25 * * *', timezone: 'UTC' })).toThrow(/invalid cron expression/);
  });
});

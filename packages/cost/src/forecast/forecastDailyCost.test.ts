import { describe, expect, it } from 'vitest';
import { dailyTotals, forecastDailyCost } from './forecastDailyCost.js';

const DAY = 86_400;
const start = 1_767_225_600; // 2026-01-01T00:00:00Z

/** Weekdays cost 100, weekends 60, plus a slow rise of 0.5 a day. */
function weekly(days: number): { day: number; cost: number }[] {
  return Array.from({ length: days }, (_, i) => {
    const day = start + i * DAY;
    const weekday = new Date(day * 1000).getUTCDay();
    return { day, cost: (weekday === 0 || weekday === 6 ? 60 : 100) + 0.5 * i };
  });
}

describe('forecastDailyCost', () => {
  it('follows a weekly pattern with its trend, inside an interval', () => {
    const f = forecastDailyCost(weekly(70), { horizonDays: 14 });
    expect(f.method).toBe('holt-winters-weekly');
    expect(f.points).toHaveLength(14);
    const truth = weekly(84).slice(70);
    for (const [i, p] of f.points.entries()) {
      expect(p.day).toBe(truth[i]!.day);
      expect(Math.abs(p.cost - truth[i]!.cost)).toBeLessThan(8);
      expect(p.lower).toBeLessThanOrEqual(p.cost);
      expect(p.upper).toBeGreaterThanOrEqual(p.cost);
    }
    const weekend = f.points.find((p) => new Date(p.day * 1000).getUTCDay() === 6)!;
    const weekday = f.points.find((p) => new Date(p.day * 1000).getUTCDay() === 3)!;
    expect(weekday.cost - weekend.cost).toBeGreaterThan(30);
    expect(f.total).toBeCloseTo(
      f.points.reduce((t, p) => t + p.cost, 0),
      6,
    );
  });

  it('falls back to a trend and to a flat line with little history, and the interval widens', () => {
    expect(forecastDailyCost(weekly(5)).method).toBe('holt-linear');
    const flat = forecastDailyCost([{ day: start, cost: 10 }], { horizonDays: 30 });
    expect(flat.method).toBe('flat');
    expect(flat.points[29]!.cost).toBe(10);
    expect(flat.points[29]!.upper - flat.points[29]!.lower).toBeGreaterThan(
      flat.points[0]!.upper - flat.points[0]!.lower,
    );
    expect(forecastDailyCost([]).points).toEqual([]);
  });

  it('sums hourly costs into UTC days', () => {
    expect(dailyTotals(start, 3600, new Array(48).fill(1))).toEqual([
      { day: start, cost: 24 },
      { day: start + DAY, cost: 24 },
    ]);
  });
});

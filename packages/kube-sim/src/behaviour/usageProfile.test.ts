import { describe, expect, it } from 'vitest';
import { dailyIntegral, dailyValue, USAGE_PROFILE_ANNOTATION, usageProfileOf } from './usageProfile.js';

const noon = Date.parse('2026-01-01T12:00:00Z') / 1000;

describe('usage profiles', () => {
  it('parses the annotation and ignores what does not parse', () => {
    expect(
      usageProfileOf({ [USAGE_PROFILE_ANNOTATION]: '{"cpu":["50m","200m"],"memory":["150Mi","220Mi"],"peakHour":14}' }),
    ).toEqual({
      cpu: [50, 200],
      memoryMi: [150, 220],
      peakHour: 14,
    });
    expect(usageProfileOf({ [USAGE_PROFILE_ANNOTATION]: '{"cpu":"1m","rps":0}' })).toEqual({
      cpu: [1, 1],
      memoryMi: [0, 0],
      peakHour: 14,
      rps: 0,
    });
    expect(usageProfileOf({ [USAGE_PROFILE_ANNOTATION]: 'not json' })).toBeUndefined();
    expect(usageProfileOf({ [USAGE_PROFILE_ANNOTATION]: '{"cpu":["200m","50m"]}' })).toBeUndefined();
    expect(usageProfileOf(undefined)).toBeUndefined();
  });

  it('peaks at the peak hour, bottoms twelve hours later, and integrates to the mean over a day', () => {
    const at = (h: number) => noon + (h - 12) * 3600;
    expect(dailyValue([50, 200], 14, at(14))).toBeCloseTo(200, 9);
    expect(dailyValue([50, 200], 14, at(2))).toBeCloseTo(50, 9);
    expect(dailyValue([50, 200], 14, at(20))).toBeCloseTo(125, 9);
    expect(dailyIntegral([50, 200], 14, noon, noon + 86_400)).toBeCloseTo(125 * 86_400, 3);
    // The integral's derivative is the value.
    const t = at(17);
    expect((dailyIntegral([50, 200], 14, noon, t + 1) - dailyIntegral([50, 200], 14, noon, t - 1)) / 2).toBeCloseTo(
      dailyValue([50, 200], 14, t),
      3,
    );
  });
});

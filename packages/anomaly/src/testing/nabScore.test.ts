import { describe, expect, it } from 'vitest';
import { NAB_PROFILES, nabScore, nabScoreSeries, nabWindows, probationLength, scaledSigmoid } from './nabScore.js';

const { standard, reward_low_FP_rate: lowFp, reward_low_FN_rate: lowFn } = NAB_PROFILES;
/** A series of 1,000 points with one anomaly at 500: its window is [450, 550] (101 points), probation 150 points. */
const one = (detections: number[]) => ({ length: 1000, windows: [{ start: 450, end: 550 }], detections });

describe('scaledSigmoid', () => {
  it('is 0.98661 at the left edge of a window, 0.84828 halfway, 0 at the right edge and -1 from 3 windows after', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    expect(scaledSigmoid(3)).toBe(-1);
  });
});

describe('nabWindows', () => {
  it('centres a window of a tenth of the length divided by the anomalies on each anomaly', () => {
    expect(nabWindows(1000, [500])).toEqual([{ start: 450, end: 550 }]);
    expect(nabWindows(1000, [800, 200])).toEqual([
      { start: 175, end: 225 },
      { start: 775, end: 825 },
    ]);
  });

  it('clips windows to the series and merges overlapping ones', () => {
    expect(nabWindows(1000, [10])).toEqual([{ start: 0, end: 60 }]);
    expect(nabWindows(1000, [500, 520])).toEqual([{ start: 475, end: 545 }]);
    expect(nabWindows(1000, [])).toEqual([]);
  });

  it('has a probation of 15% capped at 750 points', () => {
    expect(probationLength(1000)).toBe(150);
    expect(probationLength(10_000)).toBe(750);
  });
});

describe('nabScoreSeries', () => {
  it('gives the true-positive weight to a detection at the left edge and nothing to none', () => {
    expect(nabScoreSeries(one([450]), standard)).toMatchObject({
      raw: 1,
      tp: 1,
      fp: 0,
      fn: 0,
      nullScore: -1,
      perfectScore: 1,
    });
    expect(nabScoreSeries(one([]), standard)).toMatchObject({ raw: -1, tp: 0, fn: 1 });
    expect(nabScoreSeries(one([]), lowFn).raw).toBe(-2);
  });

  it('rewards a later detection along the sigmoid and counts only the best detection of a window', () => {
    expect(nabScoreSeries(one([500]), standard).raw).toBeCloseTo(0.86327, 5);
    expect(nabScoreSeries(one([500, 451, 540]), standard)).toMatchObject({ tp: 1, fp: 0 });
    expect(nabScoreSeries(one([500, 451, 540]), standard).raw).toBeCloseTo(
      scaledSigmoid(-100 / 101) / scaledSigmoid(-1),
      9,
    );
  });

  it('charges a false positive the full weight before any window, less just after one', () => {
    expect(nabScoreSeries(one([450, 200]), standard).raw).toBeCloseTo(1 - 0.11, 9);
    expect(nabScoreSeries(one([450, 200]), lowFp).raw).toBeCloseTo(1 - 0.22, 9);
    expect(nabScoreSeries(one([450, 600]), standard).raw).toBeCloseTo(1 - 0.093311, 6);
    expect(nabScoreSeries(one([450, 600]), lowFp).raw).toBeCloseTo(1 - 0.186622, 6);
    expect(nabScoreSeries(one([450, 900]), standard).raw).toBeCloseTo(1 - 0.11, 9);
  });

  it('ignores detections in the probationary period', () => {
    expect(nabScoreSeries(one([100, 450]), standard)).toMatchObject({ raw: 1, fp: 0 });
  });
});

describe('nabScore', () => {
  it('normalises a corpus so that the null detector scores 0 and the perfect one 100', () => {
    expect(nabScore([one([]), one([])], standard).score).toBe(0);
    expect(nabScore([one([450]), one([450])], standard).score).toBe(100);
    // (0.89 + -1 - (-2)) / (2 - (-2)) = 47.25%
    expect(nabScore([one([450, 200]), one([])], standard).score).toBeCloseTo(47.25, 9);
  });

  it('weighs the same detections differently per profile', () => {
    const corpus = [one([450, 200, 300]), one([])];
    const scores = Object.values(NAB_PROFILES).map((p) => nabScore(corpus, p).score);
    expect(scores[0]).toBeCloseTo((100 * (1 - 0.22 - 1 + 2)) / 4, 9);
    expect(scores[1]).toBeCloseTo((100 * (1 - 0.44 - 1 + 2)) / 4, 9);
    expect(scores[2]).toBeCloseTo((100 * (1 - 0.22 - 2 + 4)) / 6, 9);
  });
});

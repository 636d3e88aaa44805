import { describe, expect, it } from 'vitest';
import { isAnsweredSeries } from './isAnsweredSeries.js';
import { createSampleStore, packedSeries, pushSample } from './packedSamples.js';

describe('isAnsweredSeries', () => {
  it('accepts a packed series without making its pairs, and a plain one', () => {
    const text = '[[1,"0.5"],[2,"1"]]';
    const store = createSampleStore(text);
    pushSample(store, 1, 5, 8);
    pushSample(store, 2, 15, 16);
    const series = packedSeries({ pod: 'a' }, store, 0, 2);
    expect(isAnsweredSeries(series)).toBe(true);
    // Still an accessor: the pairs were not made by the check.
    expect(Object.getOwnPropertyDescriptor(series, 'values')?.get).toBeTypeOf('function');
    expect(series.values).toEqual([
      [1, '0.5'],
      [2, '1'],
    ]);
    expect(isAnsweredSeries({ metric: {}, values: [[1, '2']] })).toBe(true);
  });

  it('refuses what is not a series', () => {
    expect(isAnsweredSeries(null)).toBe(false);
    expect(isAnsweredSeries([])).toBe(false);
    expect(isAnsweredSeries({ values: [] })).toBe(false);
    expect(isAnsweredSeries({ metric: { pod: 3 }, values: [] })).toBe(false);
    expect(isAnsweredSeries({ metric: [], values: [] })).toBe(false);
    expect(isAnsweredSeries({ metric: {}, values: 'x' })).toBe(false);
  });
});

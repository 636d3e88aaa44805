import { describe, expect, it } from 'vitest';
import { costSeries, money } from './costSeries.js';

describe('costSeries', () => {
  it('charts the most expensive groups per step', () => {
    const series = costSeries(
      { start: 100, stepSeconds: 60 },
      [
        { key: 'a', total_cost: 1, series: [0.5, 0.5] },
        { key: 'b', total_cost: 3, series: [1, 2] },
        { key: 'c', total_cost: 2, series: [1, 1] },
      ],
      2,
    );
    expect(series).toEqual([
      {
        label: 'b',
        values: [
          [100, '1'],
          [160, '2'],
        ],
      },
      {
        label: 'c',
        values: [
          [100, '1'],
          [160, '1'],
        ],
      },
    ]);
    expect(money(0.12345)).toBe('0.1235 USD');
    expect(money(12.5, 'EUR')).toBe('12.50 EUR');
  });
});

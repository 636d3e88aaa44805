import { describe, expect, it } from 'vitest';
import { durationText, firingBars } from './firingBars.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute)).toISOString();

describe('firingBars', () => {
  it('lays firings from the first start to now, an open one running to now', () => {
    const { bars, from, to } = firingBars(
      [
        { number: 1, started_at: at(0), ended_at: at(20), duration_seconds: 1200, state: 'RESOLVED' },
        { number: 2, started_at: at(60), state: 'FIRING' },
      ],
      new Date(at(100)),
    );
    expect(from.toISOString()).toBe(at(0));
    expect(to.toISOString()).toBe(at(100));
    expect(bars.map((b) => [b.left, b.width])).toEqual([
      [0, 20],
      [60, 40],
    ]);
  });

  it('keeps a short firing visible and handles no firings', () => {
    const { bars } = firingBars(
      [{ number: 1, started_at: at(0), ended_at: at(0), duration_seconds: 0, state: 'RESOLVED' }],
      new Date(at(100)),
    );
    expect(bars[0]?.width).toBe(0.5);
    expect(firingBars([], new Date(at(5))).bars).toEqual([]);
  });
});

describe('durationText', () => {
  it.each([
    [45, '45s'],
    [725, '12m 5s'],
    [12_000, '3h 20m'],
    [187_200, '2d 4h'],
  ])('%i s reads %s', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});

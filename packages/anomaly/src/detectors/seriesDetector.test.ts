import { describe, expect, it } from 'vitest';
import { scoreSeries } from '../scoreSeries.js';
import { SeededRandom } from '../testing/seededRandom.js';
import { SeriesDetector } from './seriesDetector.js';

const STEP = 60;
const DAY = 86_400 / STEP;

function noisy(length: number, seed: number, level = 100, sigma = 3, cycle = 0): Float64Array {
  const rnd = new SeededRandom(seed);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = level + cycle * Math.sin((2 * Math.PI * i) / DAY) + sigma * rnd.normal();
  return out;
}

describe('SeriesDetector', () => {
  it('finds nothing in healthy noise, with or without a daily cycle', () => {
    for (let seed = 1; seed <= 5; seed++) {
      expect(scoreSeries(noisy(3 * DAY, seed), { stepSeconds: STEP }).episodes).toEqual([]);
      expect(scoreSeries(noisy(3 * DAY, seed, 100, 3, 40), { stepSeconds: STEP }).episodes).toEqual([]);
    }
  });

  it('reports a spike at its first point, above what it expected, with a high score', () => {
    const values = noisy(600, 7);
    values[400] = 160;
    values[401] = 158;
    const { episodes, scores } = scoreSeries(values, { stepSeconds: STEP });
    expect(episodes).toHaveLength(1);
    const e = episodes[0]!;
    expect(e).toMatchObject({ index: 400, type: 'SPIKE', direction: 1, actual: 160 });
    expect(e.expected).toBeGreaterThan(95);
    expect(e.expected).toBeLessThan(105);
    expect(e.score).toBeGreaterThan(0.9);
    expect(scores[399]).toBeLessThan(0.5);
  });

  it('reports a drop as a DROP', () => {
    const values = noisy(600, 8);
    for (let i = 300; i < 303; i++) values[i] = 40;
    const { episodes } = scoreSeries(values, { stepSeconds: STEP });
    expect(episodes.map((e) => [e.index, e.type, e.direction])).toEqual([[300, 'DROP', -1]]);
  });

  it('finds a slow drift that no single point gives away, as a trend change', () => {
    const values = noisy(1000, 9);
    for (let i = 500; i < 1000; i++) values[i] = values[i]! + Math.min(i - 500, 100) * 0.4;
    const { episodes } = scoreSeries(values, { stepSeconds: STEP, seasonSeconds: 0 });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]!.type).toBe('TREND_CHANGE');
    expect(episodes[0]!.direction).toBe(1);
    expect(episodes[0]!.index).toBeGreaterThan(500);
    expect(episodes[0]!.index).toBeLessThan(600);
  });

  it('opens one episode for a flapping series, not one per flap (hysteresis)', () => {
    const values = noisy(800, 10);
    for (let i = 300; i < 500; i++) if (Math.floor(i / 3) % 2 === 0) values[i] = values[i]! + 60;
    const { episodes } = scoreSeries(values, { stepSeconds: STEP });
    expect(episodes.length).toBeGreaterThanOrEqual(1);
    expect(episodes.length).toBeLessThanOrEqual(2);
    expect(episodes[0]!.index).toBe(300);
  });

  it('takes a lasting level shift as the new normal and finds the next spike after it', () => {
    const values = noisy(1200, 11);
    for (let i = 300; i < 1200; i++) values[i] = values[i]! + 50;
    values[1000] = 250;
    const { episodes } = scoreSeries(values, { stepSeconds: STEP });
    expect(episodes.map((e) => e.index)).toEqual([300, 1000]);
  });

  it('learns the daily cycle in a day and then flags the hour that breaks it', () => {
    const values = noisy(4 * DAY, 12, 100, 2, 40);
    // On day 4, the usual afternoon peak does not come: the value stays at the daily mean for two hours.
    const from = 3 * DAY + Math.floor(DAY / 4) - 60;
    for (let i = from; i < from + 120; i++) values[i] = 100 + 2 * Math.sin(i);
    const { episodes } = scoreSeries(values, { stepSeconds: STEP });
    // The first episode is the break; a second may mark the return of the peak.
    expect(episodes.length).toBeGreaterThanOrEqual(1);
    expect(episodes.length).toBeLessThanOrEqual(2);
    expect(episodes.every((e) => e.index >= from && e.index <= from + 150)).toBe(true);
    expect(episodes[0]!.index).toBeGreaterThanOrEqual(from);
    expect(episodes[0]!.index).toBeLessThan(from + 30);
    expect(episodes[0]!.seasonal).toBe(true);
    expect(episodes[0]!.direction).toBe(-1);
  });

  it('reports a crossed threshold as a THRESHOLD_BREACH when nothing else is unusual', () => {
    const rnd = new SeededRandom(13);
    const values = Array.from({ length: 400 }, () => 0.1 + 0.03 * rnd.normal());
    const { episodes } = scoreSeries(values, { stepSeconds: STEP, thresholds: { above: 0.16 } });
    expect(episodes.length).toBeGreaterThan(0);
    expect(episodes.every((e) => e.type === 'THRESHOLD_BREACH' && e.score >= 0.99)).toBe(true);
  });

  it('skips values that are not numbers without changing its state', () => {
    const d = new SeriesDetector({ stepSeconds: STEP });
    for (let i = 0; i < 100; i++) d.update(i * STEP, 10 + (i % 3));
    expect(d.update(100 * STEP, Number.NaN)).toBe(0);
    expect(d.update(101 * STEP, Number.POSITIVE_INFINITY)).toBe(0);
    expect(d.update(102 * STEP, 11)).toBeLessThan(0.1);
  });

  it('rejects contradictory options with the field named', () => {
    expect(() => new SeriesDetector({ thresholds: { above: 1, below: 2 } })).toThrow(/below/);
    expect(() => new SeriesDetector({ alpha: 2 })).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { memoryTrend } from './memoryEvidence.js';

const MI = 2 ** 20;
const series = (mib: number[], stepS = 15): [number, string][] =>
  mib.map((v, i) => [1_000_000 + i * stepS, String(v * MI)]);

describe('memoryTrend', () => {
  it('sees a saw-tooth leak: the rate while rising and each restart', () => {
    const t = memoryTrend(series([64, 72, 80, 88, 96, 104, 112, 120, 66, 74, 82, 90]))!;
    expect(t.growthBytesPerMinute / MI).toBe(32);
    expect(t.resets).toBe(1);
    expect([t.minBytes / MI, t.maxBytes / MI]).toEqual([64, 120]);
  });

  it('calls a flat or noisy series no growth, and needs three points', () => {
    expect(memoryTrend(series([100, 100, 100, 100]))?.growthBytesPerMinute).toBe(0);
    expect(memoryTrend(series([100, 101, 100, 99, 100, 99, 100]))?.growthBytesPerMinute).toBe(0);
    expect(memoryTrend(series([100, 110]))).toBeUndefined();
  });
});

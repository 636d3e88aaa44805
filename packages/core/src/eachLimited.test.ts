import { describe, expect, it } from 'vitest';
import { eachLimited } from './eachLimited.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('eachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      seen.push(item);
      running -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('passes the index and copes with no items', async () => {
    const at: string[] = [];
    await eachLimited(['a', 'b'], 8, async (item, i) => {
      at[i] = item;
    });
    expect(at).toEqual(['a', 'b']);
    await expect(eachLimited([], 4, async () => undefined)).resolves.toBeUndefined();
  });

  it('rejects with the first error and starts no new items after it', async () => {
    const started: number[] = [];
    const run = eachLimited([1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('boom at 2');
    });
    await expect(run).rejects.toThrow('boom at 2');
    expect(started).toEqual([1, 2]);
  });
});

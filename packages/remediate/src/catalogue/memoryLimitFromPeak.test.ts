import { describe, expect, it } from 'vitest';
import { memoryLimitFromPeak } from './memoryLimitFromPeak.js';

const MI = 2 ** 20;

describe('memoryLimitFromPeak', () => {
  it('doubles a limit the usage reached: the real need above it is unknown', () => {
    expect(memoryLimitFromPeak(512 * MI, 512 * MI).bytes).toBe(1024 * MI);
    expect(memoryLimitFromPeak(512 * MI, undefined).reason).toMatch(/reached the 512Mi limit: .* twice the limit/);
  });
  it('adds 30% headroom to a peak seen below the limit, at least a quarter above the old limit', () => {
    expect(memoryLimitFromPeak(1024 * MI, 800 * MI).bytes).toBe(1280 * MI);
    expect(memoryLimitFromPeak(1024 * MI, 300 * MI).bytes).toBe(1280 * MI);
  });
  it('sets a limit from the peak when there was none, rounded up to 64Mi', () => {
    expect(memoryLimitFromPeak(undefined, 500 * MI).bytes).toBe(704 * MI);
  });
  it('raises to the need the kernel reported plus headroom when it is far above the limit (128Mi, needs 900Mi)', () => {
    const choice = memoryLimitFromPeak(128 * MI, undefined, 16384 * MI, 900 * MI);
    expect(choice.bytes).toBe(1024 * MI);
    expect(choice.reason).toMatch(/killed needing 900Mi \(the kernel's OOM report\) \+ 10% headroom/);
    expect(memoryLimitFromPeak(128 * MI, undefined, undefined, 2000 * MI).bytes).toBe(2240 * MI);
    // At least twice the limit: a need just above it does not make a smaller step than without the report.
    expect(memoryLimitFromPeak(512 * MI, undefined, undefined, 600 * MI).bytes).toBe(1024 * MI);
    // A need at the limit says nothing more than the kill did.
    expect(memoryLimitFromPeak(512 * MI, undefined, undefined, 512 * MI).bytes).toBe(1024 * MI);
  });
  it('never goes above the largest node', () => {
    const choice = memoryLimitFromPeak(4096 * MI, 4096 * MI, 6000 * MI);
    expect(choice.bytes).toBe(6000 * MI);
    expect(choice.reason).toMatch(/capped at the largest node's/);
  });
});

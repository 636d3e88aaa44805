import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CI_FAST_CHECK_SEED, describeFastCheckSeed, fastCheckSeed } from './fastCheckSeed.js';

describe('fastCheckSeed', () => {
  it('is fixed under CI=true, random locally, and FC_SEED replays either', () => {
    expect(fastCheckSeed({ CI: 'true' }, () => 0.5)).toEqual({ seed: CI_FAST_CHECK_SEED, source: 'CI' });
    expect(fastCheckSeed({}, () => 0.5)).toEqual({ seed: 0x3fffffff, source: 'random' });
    expect(fastCheckSeed({ CI: 'true', FC_SEED: '-42' })).toEqual({ seed: -42, source: 'FC_SEED' });
    expect(() => fastCheckSeed({ FC_SEED: 'abc' })).toThrow('FC_SEED must be an integer, not "abc"');
    expect(describeFastCheckSeed({ seed: 7, source: 'random' })).toBe(
      'fast-check seed 7 (random); replay with FC_SEED=7',
    );
  });

  it('reaches every property of the run through the setup file', () => {
    expect(fc.readConfigureGlobal().seed).toBe(Number(process.env.FC_SEED));
  });
});

import { describe, expect, it } from 'vitest';
import { GeneratedConfigState } from './generatedConfigState.js';

describe('GeneratedConfigState', () => {
  it('holds exactly the ten states of seed 000 in UPPER_SNAKE', () => {
    expect([...GeneratedConfigState.options].sort()).toEqual(
      [
        'GENERATED',
        'VALIDATION',
        'NEEDS_REVIEW',
        'APPROVED',
        'APPLIED',
        'INVALID',
        'REJECTED',
        'NEEDS_CHANGES',
        'REVISED',
        'REVIEW_AGAIN',
      ].sort(),
    );
  });

  it('refuses the seed spelling and lowercase', () => {
    expect(GeneratedConfigState.safeParse('Needs Review').success).toBe(false);
    expect(GeneratedConfigState.safeParse('applied').success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { RecommendationStatus } from './recommendationStatus.js';

describe('RecommendationStatus', () => {
  it('knows the three states and nothing else', () => {
    expect(RecommendationStatus.options).toEqual(['OPEN', 'APPLIED', 'DISMISSED']);
    expect(RecommendationStatus.safeParse('open').success).toBe(false);
  });
});

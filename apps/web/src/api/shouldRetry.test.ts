import { describe, expect, it } from 'vitest';
import { shouldRetry } from './shouldRetry.js';

describe('shouldRetry', () => {
  it('retries server and network failures at most twice', () => {
    expect(shouldRetry(0, { data: { httpStatus: 502 } })).toBe(true);
    expect(shouldRetry(1, new TypeError('fetch failed'))).toBe(true);
    expect(shouldRetry(2, { data: { httpStatus: 502 } })).toBe(false);
  });

  it('does not retry what retrying cannot fix', () => {
    for (const status of [400, 401, 403, 404, 409])
      expect(shouldRetry(0, { data: { httpStatus: status } })).toBe(false);
  });
});

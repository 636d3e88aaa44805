import { describe, expect, it } from 'vitest';
import { errorText, isUnauthenticated } from './errorText.js';

describe('errorText', () => {
  it('adds the hint of a §8.3 error shape', () => {
    const error = Object.assign(new Error('role too low'), { shape: { details: { hint: 'ask an admin' } } });
    expect(errorText(error)).toBe('role too low — ask an admin');
  });

  it('shows the message alone without a hint, and stringifies non-errors', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });
});

describe('isUnauthenticated', () => {
  it('recognises tRPC UNAUTHORIZED and HTTP 401 and nothing else', () => {
    expect(isUnauthenticated({ data: { code: 'UNAUTHORIZED' } })).toBe(true);
    expect(isUnauthenticated({ data: { httpStatus: 401 } })).toBe(true);
    expect(isUnauthenticated({ data: { code: 'FORBIDDEN', httpStatus: 403 } })).toBe(false);
    expect(isUnauthenticated(undefined)).toBe(false);
  });
});

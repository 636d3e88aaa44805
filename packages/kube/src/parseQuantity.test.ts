import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from './parseQuantity.js';

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['1', 1],
    ['1.5', 1.5],
    ['12345678n', 0.012345678],
    ['500u', 0.0005],
    ['128Mi', 128 * 2 ** 20],
    ['2Gi', 2 * 2 ** 30],
    ['64Ki', 65536],
    ['1k', 1000],
    ['1M', 1e6],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('%s is %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 12);
  });

  it('refuses what is not a quantity', () => {
    expect(() => parseQuantity('12 MB')).toThrow(InputError);
    expect(() => parseQuantity('Mi')).toThrow(InputError);
  });
});

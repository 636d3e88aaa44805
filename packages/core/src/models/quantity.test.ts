import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.js';

describe('parseQuantity', () => {
  it('reads decimal, binary and exponent forms to base units', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('256Mi')).toBe(256 * 2 ** 20);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('1.5G')).toBe(1.5e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('100n')).toBeCloseTo(1e-7);
    expect(parseQuantity(3)).toBe(3);
  });

  it('refuses what is not a quantity', () => {
    for (const bad of ['', 'abc', '1 Gi', '1Gb', '1K', '--1', Number.NaN, null, {}])
      expect(parseQuantity(bad)).toBeUndefined();
  });
});

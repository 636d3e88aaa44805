import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.js';

describe('parseQuantity', () => {
  it('reads the suffixes the API and metrics.k8s.io use', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('20000000n')).toBeCloseTo(0.02);
    expect(parseQuantity('250u')).toBeCloseTo(0.00025);
    expect(parseQuantity('65536Ki')).toBe(64 * 2 ** 20);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('12 apples')).toBeUndefined();
  });
});

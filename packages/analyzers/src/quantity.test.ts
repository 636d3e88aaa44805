import { describe, expect, it } from 'vitest';
import { formatMemory, parseQuantity, scaleQuantity } from './quantity.js';

describe('quantities', () => {
  it('parses CPU, binary and decimal memory, exponents and plain numbers', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('128Mi')).toBe(128 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity(20)).toBe(20);
    expect(parseQuantity('lots')).toBeUndefined();
  });

  it('formats and scales them', () => {
    expect(formatMemory(256 * 2 ** 20)).toBe('256Mi');
    expect(formatMemory(2 * 2 ** 30)).toBe('2Gi');
    expect(scaleQuantity('memory', '128Mi', 2)).toBe('256Mi');
    expect(scaleQuantity('requests.cpu', '500m', 1.5)).toBe('750m');
    expect(scaleQuantity('cpu', '2', 2)).toBe('4');
    expect(scaleQuantity('pods', '10', 1.5)).toBe('15');
  });
});

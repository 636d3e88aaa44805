import { describe, expect, it } from 'vitest';
import { cpuMillicores, parseCpu, parseMemory } from './parseQuantity.js';

describe('quantities', () => {
  it.each([
    ['512Mi', '512Mi'],
    ['512mi', '512Mi'],
    ['1GiB', '1Gi'],
    ['256MB', '256M'],
    ['2g', '2G'],
    ['1.5Gi', '1.5Gi'],
  ])('reads memory %s as %s', (text, quantity) => expect(parseMemory(text)).toBe(quantity));

  it.each(['500m', '512', 'lots', 'Mi'])('does not take %s for memory', (text) =>
    expect(parseMemory(text)).toBeUndefined(),
  );

  it.each([
    ['250m', '250m'],
    ['0.5', '500m'],
    ['2', '2'],
  ])('reads cpu %s as %s', (text, quantity) => expect(parseCpu(text)).toBe(quantity));

  it('refuses zero and words as cpu and converts to millicores', () => {
    expect(parseCpu('0')).toBeUndefined();
    expect(parseCpu('fast')).toBeUndefined();
    expect(cpuMillicores('250m')).toBe(250);
    expect(cpuMillicores('2')).toBe(2000);
  });
});

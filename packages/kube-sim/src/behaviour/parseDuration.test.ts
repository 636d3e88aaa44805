import { describe, expect, it } from 'vitest';
import { parseDuration } from './parseDuration.js';

describe('parseDuration', () => {
  it('reads the units users write, combined', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('250ms')).toBe(250);
  });

  it('refuses anything else', () => {
    for (const bad of ['', '5', 'm', '5 minutes', '-5m', '1.5h', '5m garbage'])
      expect(parseDuration(bad)).toBeUndefined();
  });
});

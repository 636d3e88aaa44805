import { describe, expect, it } from 'vitest';
import { coerceEnvValue } from './coerceEnvValue.js';

describe('coerceEnvValue', () => {
  it('turns numeric strings into numbers for number keys only', () => {
    expect(coerceEnvValue('8080', 'number')).toBe(8080);
    expect(coerceEnvValue(' 1.5 ', 'number')).toBe(1.5);
    expect(coerceEnvValue('8080', 'string')).toBe('8080');
  });

  it('turns the usual spellings into booleans for boolean keys', () => {
    for (const raw of ['true', 'TRUE', '1', 'yes', 'on']) expect(coerceEnvValue(raw, 'boolean')).toBe(true);
    for (const raw of ['false', '0', 'No', 'off']) expect(coerceEnvValue(raw, 'boolean')).toBe(false);
  });

  it('returns anything else unchanged so validation can quote it', () => {
    expect(coerceEnvValue('eighty', 'number')).toBe('eighty');
    expect(coerceEnvValue('maybe', 'boolean')).toBe('maybe');
    expect(coerceEnvValue('', 'number')).toBe('');
  });
});

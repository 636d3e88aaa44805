import { describe, expect, it } from 'vitest';
import { ValidationResult } from './validationResult.js';

const result = { rule: 'yaml-syntax', severity: 'ERROR', message: 'unexpected indentation' };

describe('ValidationResult', () => {
  it('accepts a result with or without a location', () => {
    expect(ValidationResult.safeParse(result).success).toBe(true);
    expect(ValidationResult.safeParse({ ...result, path: 'spec.replicas', line: 3, column: 7 }).success).toBe(true);
  });

  it('refuses an unknown severity, an empty rule or message and a zero or fractional location', () => {
    expect(ValidationResult.safeParse({ ...result, severity: 'error' }).success).toBe(false);
    expect(ValidationResult.safeParse({ ...result, severity: 'FATAL' }).success).toBe(false);
    expect(ValidationResult.safeParse({ ...result, rule: '' }).success).toBe(false);
    expect(ValidationResult.safeParse({ ...result, message: '' }).success).toBe(false);
    expect(ValidationResult.safeParse({ ...result, line: 0 }).success).toBe(false);
    expect(ValidationResult.safeParse({ ...result, column: 1.5 }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Severity } from './severity.js';

describe('Severity', () => {
  it('accepts the UPPER_SNAKE values and refuses the lowercase spelling of the seed SQL', () => {
    expect(Severity.options).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    expect(Severity.safeParse('critical').success).toBe(false);
    expect(Severity.safeParse('UNKNOWN').success).toBe(false);
  });
});

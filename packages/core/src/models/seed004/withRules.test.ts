import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withRules } from './withRules.js';

const Range = withRules(z.object({ low: z.number(), high: z.number() }), [
  { check: (r) => r.low <= r.high, message: 'low must not exceed high', path: ['low'] },
  { check: (r) => r.high < 100, message: 'high must stay below 100', path: ['high'] },
]);

describe('withRules', () => {
  it('accepts a value every rule holds for', () => {
    expect(Range.safeParse({ low: 1, high: 2 }).success).toBe(true);
  });

  it('reports each broken rule with its message and path', () => {
    const r = Range.safeParse({ low: 200, high: 150 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['low', 'low must not exceed high'],
      ['high', 'high must stay below 100'],
    ]);
  });
});

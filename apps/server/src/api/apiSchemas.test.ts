import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BoolParam, ListParam } from './apiSchemas.js';

describe('query parameters', () => {
  it('reads yes/no words of a query string and booleans of a JSON body, refusing anything else', () => {
    for (const yes of ['true', '1', 'yes', 'on', true]) expect(BoolParam.parse(yes)).toBe(true);
    for (const no of ['false', '0', 'no', 'off', false]) expect(BoolParam.parse(no)).toBe(false);
    for (const bad of ['maybe', '', 2, null]) expect(BoolParam.safeParse(bad).success).toBe(false);
  });

  it('reads a comma-separated list or an array', () => {
    const p = ListParam(z.enum(['A', 'B']));
    expect(p.parse('A,B')).toEqual(['A', 'B']);
    expect(p.parse(['B'])).toEqual(['B']);
    expect(p.parse(undefined)).toEqual([]);
    expect(p.safeParse('A,C').success).toBe(false);
  });
});

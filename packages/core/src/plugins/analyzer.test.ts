import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/index.js';
import { defineAnalyzer } from './analyzer.js';

const valid = { id: 'pod-crash-loop', kinds: ['Pod'], analyze: () => [] };

describe('defineAnalyzer', () => {
  it('returns a well-formed analyzer unchanged', () => {
    expect(defineAnalyzer(valid)).toBe(valid);
  });

  it('refuses a malformed id, no kinds, or a missing analyze function', () => {
    expect(() => defineAnalyzer({ ...valid, id: 'Pod Crash' })).toThrow(InputError);
    expect(() => defineAnalyzer({ ...valid, kinds: [] })).toThrow(/name at least one kind/);
    expect(() => defineAnalyzer({ ...valid, analyze: undefined as never })).toThrow(/analyze: must be a function/);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { defineAction } from './action.js';

const rollback = {
  id: 'deployment:rollback',
  input: z.object({ name: z.string() }),
  effect: 'write' as const,
  dryRun: async () => ({ summary: 'would roll back', changes: [] }),
  execute: async () => ({ summary: 'rolled back', changed: [] }),
};

describe('defineAction', () => {
  it('returns a well-formed action unchanged', () => {
    expect(defineAction(rollback)).toBe(rollback);
  });

  it('refuses an unknown effect, a non-zod input or a missing execute', () => {
    expect(() => defineAction({ ...rollback, effect: 'nuke' as 'write' })).toThrow(InputError);
    expect(() => defineAction({ ...rollback, input: { parse: () => ({}) } as never })).toThrow(/input: must be a zod/);
    expect(() => defineAction({ ...rollback, execute: undefined as never })).toThrow(/execute: must be a function/);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { defineTool } from './tool.js';

const listPods = {
  name: 'list_pods',
  description: 'List pods in a namespace with their status',
  input: z.object({ namespace: z.string() }),
  effect: 'read' as const,
  run: async () => ({ ok: true as const, value: [] }),
};

describe('defineTool', () => {
  it('returns a well-formed tool unchanged', () => {
    expect(defineTool(listPods)).toBe(listPods);
  });

  it('refuses a name models cannot call, a missing description, a non-zod input or an unknown effect', () => {
    expect(() => defineTool({ ...listPods, name: 'List Pods' })).toThrow(/snake_case/);
    expect(() => defineTool({ ...listPods, description: 'pods' })).toThrow(/describe the tool/);
    expect(() => defineTool({ ...listPods, input: {} as z.ZodType })).toThrow(/input: must be a zod schema/);
    expect(() => defineTool({ ...listPods, effect: 'nuke' as 'read' })).toThrow(InputError);
  });
});

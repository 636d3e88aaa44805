import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../errors/index.js';
import { invokeTool } from './invokeTool.js';
import { defineTool } from './tool.js';

const calls: unknown[] = [];
const scale = defineTool({
  name: 'scale_deployment',
  description: 'Scale a deployment to a number of replicas',
  input: z.object({ name: z.string().min(1), replicas: z.coerce.number().int().min(0) }),
  effect: 'write',
  run: async (_ctx: { cluster: string }, input: { name: string; replicas: number }) => {
    calls.push(input);
    if (input.name === 'ghost') throw new NotFoundError('no deployment "ghost"', { hint: 'list deployments first' });
    if (input.name === 'bug') throw new TypeError('undefined is not a function');
    return { ok: true, value: `${input.name} -> ${input.replicas}` };
  },
});
const ctx = { cluster: 'demo' };

describe('invokeTool', () => {
  it('returns bad input to the model as an error naming each problem, without running the tool', async () => {
    calls.length = 0;
    const outcome = await invokeTool(scale, ctx, { name: '', replicas: -1 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^invalid input for scale_deployment: name: .*; replicas: /);
    expect(await invokeTool(scale, ctx, 'scale it')).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('runs the tool on the parsed input', async () => {
    expect(await invokeTool(scale, ctx, { name: 'backend', replicas: '3' })).toEqual({
      ok: true,
      value: 'backend -> 3',
    });
  });

  it('turns an opspilot error into an error outcome with its hint, and rethrows a bug', async () => {
    expect(await invokeTool(scale, ctx, { name: 'ghost', replicas: 1 })).toEqual({
      ok: false,
      error: 'no deployment "ghost" (list deployments first)',
    });
    await expect(invokeTool(scale, ctx, { name: 'bug', replicas: 1 })).rejects.toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, InputError, NotFoundError } from '../errors/index.js';
import type { ClusterSnapshot } from '../ports/clusterGateway.js';
import { defineAction } from './action.js';
import { defineAnalyzer, runAnalyzers } from './analyzer.js';
import { defineConnector } from './connector.js';
import { getProvider, listProviders, registerProvider } from './provider.js';
import { createRegistry } from './registry.js';
import { defineRule } from './rule.js';
import { defineTool, invokeTool } from './tool.js';

const snapshot: ClusterSnapshot = { cluster: 'demo', takenAt: '2026-01-01T00:00:00Z', objects: {}, errors: [] };
const ctx = { now: new Date('2026-01-01T00:00:00Z') };

describe('plug-in contracts', () => {
  it('refuses a duplicate id and names known ids for a missing one', () => {
    const registry = createRegistry<{ id: string }>('analyzer');
    registry.register({ id: 'a' });
    expect(() => registry.register({ id: 'a' })).toThrow(ConflictError);
    expect(() => registry.get('b')).toThrow(NotFoundError);
    try {
      registry.get('b');
    } catch (e) {
      expect((e as NotFoundError).hint).toContain('a');
    }
    expect(registry.has('a')).toBe(true);
  });

  it('checks analyzer definitions', () => {
    expect(() => defineAnalyzer({ id: 'Bad Id', kinds: ['Pod'], analyze: () => [] })).toThrow(InputError);
    expect(() => defineAnalyzer({ id: 'pod-x', kinds: [], analyze: () => [] })).toThrow(/at least one kind/);
    expect(defineAnalyzer({ id: 'pod-x', kinds: ['Pod'], analyze: () => [] }).id).toBe('pod-x');
  });

  it('isolates a throwing analyzer and still runs the rest', () => {
    const broken = defineAnalyzer({
      id: 'broken',
      kinds: ['Pod'],
      analyze: () => {
        throw new Error('bug');
      },
    });
    const fine = defineAnalyzer({
      id: 'fine',
      kinds: ['Pod'],
      analyze: () => [
        {
          id: 'f1',
          analyzer: 'fine',
          severity: 'LOW',
          resource: { kind: 'Pod', name: 'p' },
          message: 'm',
          evidence: [],
          sensitive: [],
        },
      ],
    });
    const run = runAnalyzers([broken, fine], snapshot, ctx);
    expect(run.failures).toEqual([{ analyzer: 'broken', error: 'bug' }]);
    expect(run.findings.map((f) => f.id)).toEqual(['f1']);
  });

  it('returns bad tool input to the model as an error instead of running the tool', async () => {
    let ran = false;
    const tool = defineTool({
      name: 'list_pods',
      description: 'List pods in a namespace with their status',
      input: z.object({ namespace: z.string().min(1) }),
      effect: 'read',
      run: async (_ctx: unknown, input: { namespace: string }) => {
        ran = true;
        return { ok: true, value: input.namespace };
      },
    });
    const bad = await invokeTool(tool, {}, { namespace: 3 });
    expect(bad.ok).toBe(false);
    expect(ran).toBe(false);
    expect(await invokeTool(tool, {}, { namespace: 'todo' })).toEqual({ ok: true, value: 'todo' });
    expect(() => defineTool({ ...tool, name: 'List Pods' })).toThrow(InputError);
  });

  it('checks rule, action and connector definitions', () => {
    const rule = {
      id: 'no-latest-tag',
      appliesTo: ['Deployment'],
      category: 'reliability' as const,
      severity: 'WARNING' as const,
      description: 'pin images',
      check: () => [],
    };
    expect(defineRule(rule).id).toBe('no-latest-tag');
    expect(() => defineRule({ ...rule, appliesTo: [] })).toThrow(InputError);
    const action = {
      id: 'deployment:rollback',
      input: z.object({}),
      effect: 'write',
      dryRun: async () => '',
      execute: async () => '',
    } as const;
    expect(defineAction(action).id).toBe('deployment:rollback');
    expect(() => defineAction({ ...action, effect: 'nuke' as 'write' })).toThrow(InputError);
    expect(() => defineConnector({ id: 'prometheus', config: {} as z.ZodType, checkScopes: async () => ({}) })).toThrow(
      /zod schema/,
    );
  });

  it('registers providers once', () => {
    registerProvider('test-provider', (options: { n: number }) => options.n * 2);
    expect(getProvider<number, { n: number }>('test-provider').create({ n: 2 })).toBe(4);
    expect(listProviders()).toContain('test-provider');
    expect(() => registerProvider('test-provider', () => 0)).toThrow(ConflictError);
  });
});

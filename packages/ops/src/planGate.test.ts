import type { Plan } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsHarness, planOf } from './__fixtures__/opsHarness.js';

let h: Awaited<ReturnType<typeof opsHarness>>;
const gated: Plan[] = [];
beforeAll(async () => {
  h = await opsHarness({
    deps: {
      planGate: async (plan) => {
        gated.push(plan);
        return plan.summary.includes('blocked') ? ['image gate: example/bad:1: 1 vulnerability above medium'] : [];
      },
    },
  });
});
afterAll(() => h?.stop());

const backend = { kind: 'Deployment', name: 'backend', namespace: 'todo' };

describe('the plan gate', () => {
  it('makes a write plan it refuses INVALID with its reason, and lets others through to review', async () => {
    h.plans.set(
      'set image blocked',
      planOf('set image blocked', [{ op: 'scale', target: backend, replicas: 3, description: 'scale' }]),
    );
    const refused = await h.ops.propose('set image blocked', { user: 'alice' });
    if (refused.kind !== 'operation') throw new Error('expected an operation');
    expect(refused.operation.state).toBe('INVALID');
    expect(refused.operation.problems).toContain('image gate: example/bad:1: 1 vulnerability above medium');
    h.plans.set('scale ok', planOf('scale ok', [{ op: 'scale', target: backend, replicas: 3, description: 'scale' }]));
    const ok = await h.ops.propose('scale ok', { user: 'alice' });
    expect(ok.kind === 'operation' && ok.operation.state).toBe('NEEDS_REVIEW');
  });

  it('is not asked about reads', async () => {
    const before = gated.length;
    h.plans.set(
      'list pods',
      planOf('list pods', [{ op: 'list', kind: 'Pod', namespace: 'todo', show: 'default', description: 'list' }]),
    );
    await h.ops.propose('list pods', { user: 'alice' });
    expect(gated.length).toBe(before);
  });
});

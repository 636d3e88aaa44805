import { DisruptionBudgetError, type KubeObject, NotFoundError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { memoryGateway } from './memoryGateway.js';

const pod = (name: string, ready = true): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'todo', labels: { app: 'api' } },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const budget = (spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'api-pdb', namespace: 'todo' },
  spec: { selector: { matchLabels: { app: 'api' } }, ...spec },
  ...(status ? { status } : {}),
});
const ref = (name: string) => ({ kind: 'Pod', name, namespace: 'todo' });

describe('memoryGateway evict', () => {
  it('removes the pod while minAvailable is met, then refuses naming the budget', async () => {
    const g = memoryGateway([pod('api-1'), pod('api-2'), budget({ minAvailable: 1 })]);
    await g.evict(ref('api-1'));
    expect(g.objects.map((o) => o.metadata.name)).toEqual(['api-2', 'api-pdb']);
    const refused = await g.evict(ref('api-2')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DisruptionBudgetError);
    expect((refused as DisruptionBudgetError).budgets).toEqual(['api-pdb']);
    expect(g.writes).toEqual([{ method: 'evict', ref: ref('api-1') }]);
  });

  it('counts down status.disruptionsAllowed when the budget has one, and keeps the pod on a dry run', async () => {
    const g = memoryGateway([pod('api-1'), pod('api-2'), budget({ minAvailable: 0 }, { disruptionsAllowed: 1 })]);
    await g.evict(ref('api-1'), { dryRun: true });
    expect(g.objects).toHaveLength(3);
    await g.evict(ref('api-1'));
    await expect(g.evict(ref('api-2'))).rejects.toBeInstanceOf(DisruptionBudgetError);
    await expect(g.evict(ref('gone'))).rejects.toBeInstanceOf(NotFoundError);
  });
});

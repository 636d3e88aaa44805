import { describe, expect, it } from 'vitest';
import { companions, obj, runKubeRule } from '../testing/kubeTesting.js';
import { pdbUnhealthyEvictionPolicy } from './pdbUnhealthyEvictionPolicy.js';

describe('pdbUnhealthyEvictionPolicy', () => {
  it('passes a budget with unhealthyPodEvictionPolicy: AlwaysAllow, and policy/v1beta1 (no such field)', () => {
    expect(runKubeRule(pdbUnhealthyEvictionPolicy, [companions()[1]])).toEqual([]);
    const old = obj(
      'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: { name: p }\nspec: { minAvailable: 1 }',
    );
    expect(runKubeRule(pdbUnhealthyEvictionPolicy, [old])).toEqual([]);
  });

  it('reports a budget without it, or with IfHealthyBudget', () => {
    const pdb = companions()[1];
    delete pdb.spec.unhealthyPodEvictionPolicy;
    expect(runKubeRule(pdbUnhealthyEvictionPolicy, [pdb]).map((x) => x.path)).toEqual(['spec']);
    pdb.spec.unhealthyPodEvictionPolicy = 'IfHealthyBudget';
    const v = runKubeRule(pdbUnhealthyEvictionPolicy, [pdb]);
    expect(v.map((x) => x.path)).toEqual(['spec.unhealthyPodEvictionPolicy']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

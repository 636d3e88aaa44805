import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { pdbBlocksEviction } from './pdbBlocksEviction.js';

describe('pdbBlocksEviction', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(pdbBlocksEviction, [companions()[1], healthyDeployment()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [companions()[1], healthyDeployment()];
    objs[0].spec.minAvailable = 3;
    const v = runKubeRule(pdbBlocksEviction, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.minAvailable']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { pdbForMultiReplica } from './pdbForMultiReplica.js';

describe('pdbForMultiReplica', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(pdbForMultiReplica, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [healthyDeployment(), companions()[0]];
    const v = runKubeRule(pdbForMultiReplica, objs);
    expect(v.map((x) => x.path)).toEqual(['spec']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

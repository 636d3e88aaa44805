import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { pdbSelectorMatches } from './pdbSelectorMatches.js';

describe('pdbSelectorMatches', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(pdbSelectorMatches, [companions()[1], healthyDeployment()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [companions()[1], healthyDeployment()];
    objs[0].spec.selector.matchLabels = { app: 'api' };
    const v = runKubeRule(pdbSelectorMatches, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.selector']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { serviceSelectorMatches } from './serviceSelectorMatches.js';

describe('serviceSelectorMatches', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(serviceSelectorMatches, [companions()[0], healthyDeployment()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [companions()[0], healthyDeployment()];
    objs[0].spec.selector = { app: 'api' };
    const v = runKubeRule(serviceSelectorMatches, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.selector']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

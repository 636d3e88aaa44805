import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { labelRecommended } from './labelRecommended.js';

describe('labelRecommended', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(labelRecommended, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.metadata.labels['app.kubernetes.io/name'];
    const objs = [d];
    const v = runKubeRule(labelRecommended, objs);
    expect(v.map((x) => x.path)).toEqual(['metadata']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

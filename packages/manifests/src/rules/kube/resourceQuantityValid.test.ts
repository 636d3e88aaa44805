import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { resourceQuantityValid } from './resourceQuantityValid.js';

describe('resourceQuantityValid', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(resourceQuantityValid, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].resources.limits.memory = '256MB';
    const objs = [d];
    const v = runKubeRule(resourceQuantityValid, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].resources.limits.memory']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

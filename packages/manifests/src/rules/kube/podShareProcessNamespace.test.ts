import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podShareProcessNamespace } from './podShareProcessNamespace.js';

describe('podShareProcessNamespace', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podShareProcessNamespace, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.shareProcessNamespace = true;
    const objs = [d];
    const v = runKubeRule(podShareProcessNamespace, objs);
    expect(v).toHaveLength(1);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

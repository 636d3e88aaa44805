import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podHostNetwork } from './podHostNetwork.js';

describe('podHostNetwork', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podHostNetwork, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.hostNetwork = true;
    const objs = [d];
    const v = runKubeRule(podHostNetwork, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.hostNetwork']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

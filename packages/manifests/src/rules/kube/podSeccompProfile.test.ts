import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podSeccompProfile } from './podSeccompProfile.js';

describe('podSeccompProfile', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podSeccompProfile, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.securityContext.seccompProfile = { type: 'Unconfined' };
    const objs = [d];
    const v = runKubeRule(podSeccompProfile, objs);
    expect(v).toHaveLength(1);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

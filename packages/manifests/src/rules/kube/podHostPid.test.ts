import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podHostPid } from './podHostPid.js';

describe('podHostPid', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podHostPid, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.hostPID = true;
    const objs = [d];
    const v = runKubeRule(podHostPid, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.hostPID']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

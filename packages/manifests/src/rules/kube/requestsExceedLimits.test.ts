import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { requestsExceedLimits } from './requestsExceedLimits.js';

describe('requestsExceedLimits', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(requestsExceedLimits, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].resources.requests.memory = '1Gi';
    const objs = [d];
    const v = runKubeRule(requestsExceedLimits, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].resources.requests.memory']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

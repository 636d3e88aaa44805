import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerMemoryRequests } from './containerMemoryRequests.js';

describe('containerMemoryRequests', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerMemoryRequests, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.containers[0].resources.requests.memory;
    const objs = [d];
    const v = runKubeRule(containerMemoryRequests, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].resources']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

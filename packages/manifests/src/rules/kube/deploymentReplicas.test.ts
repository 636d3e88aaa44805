import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { deploymentReplicas } from './deploymentReplicas.js';

describe('deploymentReplicas', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(deploymentReplicas, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.replicas = 1;
    const objs = [d];
    const v = runKubeRule(deploymentReplicas, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.replicas']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

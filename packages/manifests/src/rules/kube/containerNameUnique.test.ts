import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerNameUnique } from './containerNameUnique.js';

describe('containerNameUnique', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerNameUnique, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.initContainers = [{ name: 'web', image: 'busybox:1.36' }];
    const objs = [d];
    const v = runKubeRule(containerNameUnique, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].name']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

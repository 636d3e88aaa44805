import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { k8sSchema } from './k8sSchema.js';

describe('k8sSchema', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(k8sSchema, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.replicas = 'three';
    delete d.spec.selector;
    const objs = [d];
    const v = runKubeRule(k8sSchema, objs);
    expect(v.map((x) => x.path).sort()).toEqual(['spec', 'spec.replicas']);
    expect(v.find((x) => x.path === 'spec')?.message).toContain('selector');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

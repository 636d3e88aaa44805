import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { k8sUnknownField } from './k8sUnknownField.js';

describe('k8sUnknownField', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(k8sUnknownField, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.contianers = [];
    d.spec.template.spec.containers[0].resources.request = {};
    const objs = [d];
    const v = runKubeRule(k8sUnknownField, objs);
    expect(v.map((x) => x.path)).toEqual([
      'spec.template.spec.containers[0].resources.request',
      'spec.template.spec.contianers',
    ]);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { k8sNameDns1123 } from './k8sNameDns1123.js';

describe('k8sNameDns1123', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(k8sNameDns1123, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.metadata.name = 'Web_App';
    d.spec.template.spec.containers[0].name = 'web.main';
    const objs = [d];
    const v = runKubeRule(k8sNameDns1123, objs);
    expect(v.map((x) => x.path)).toEqual(['metadata.name', 'spec.template.spec.containers[0].name']);
    expect(v[0]?.fix).toContain('web-app');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerReadinessProbe } from './containerReadinessProbe.js';

describe('containerReadinessProbe', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerReadinessProbe, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.containers[0].readinessProbe;
    const objs = [d];
    const v = runKubeRule(containerReadinessProbe, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0]']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

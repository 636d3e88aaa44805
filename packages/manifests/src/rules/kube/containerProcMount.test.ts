import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerProcMount } from './containerProcMount.js';

describe('containerProcMount', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerProcMount, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].securityContext.procMount = 'Unmasked';
    const objs = [d];
    const v = runKubeRule(containerProcMount, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].securityContext.procMount']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

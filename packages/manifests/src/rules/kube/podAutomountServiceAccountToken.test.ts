import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podAutomountServiceAccountToken } from './podAutomountServiceAccountToken.js';

describe('podAutomountServiceAccountToken', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podAutomountServiceAccountToken, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.serviceAccountName;
    delete d.spec.template.spec.automountServiceAccountToken;
    const objs = [d];
    const v = runKubeRule(podAutomountServiceAccountToken, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

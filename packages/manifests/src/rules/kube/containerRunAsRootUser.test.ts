import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerRunAsRootUser } from './containerRunAsRootUser.js';

describe('containerRunAsRootUser', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerRunAsRootUser, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].securityContext.runAsUser = 0;
    const objs = [d];
    const v = runKubeRule(containerRunAsRootUser, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].securityContext.runAsUser']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

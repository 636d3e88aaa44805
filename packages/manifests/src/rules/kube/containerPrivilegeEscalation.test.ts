import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerPrivilegeEscalation } from './containerPrivilegeEscalation.js';

describe('containerPrivilegeEscalation', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerPrivilegeEscalation, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation;
    const objs = [d];
    const v = runKubeRule(containerPrivilegeEscalation, objs);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain('"web"');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerPrivileged } from './containerPrivileged.js';

describe('containerPrivileged', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerPrivileged, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].securityContext.privileged = true;
    const objs = [d];
    const v = runKubeRule(containerPrivileged, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].securityContext.privileged']);
    expect(v[0]?.severity).toBe('ERROR');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

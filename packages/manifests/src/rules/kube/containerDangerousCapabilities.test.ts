import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerDangerousCapabilities } from './containerDangerousCapabilities.js';

describe('containerDangerousCapabilities', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerDangerousCapabilities, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].securityContext.capabilities.add = ['CHOWN', 'CAP_SYS_ADMIN'];
    const objs = [d];
    const v = runKubeRule(containerDangerousCapabilities, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].securityContext.capabilities.add[1]']);
    expect(v[0]?.message).toContain('SYS_ADMIN');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerRunAsNonRoot } from './containerRunAsNonRoot.js';

describe('containerRunAsNonRoot', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerRunAsNonRoot, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.securityContext.runAsNonRoot;
    const objs = [d];
    const v = runKubeRule(containerRunAsNonRoot, objs);
    expect(v).toHaveLength(1);
    expect(v[0]?.fix).toContain('runAsNonRoot');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

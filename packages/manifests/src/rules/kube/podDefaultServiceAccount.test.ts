import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podDefaultServiceAccount } from './podDefaultServiceAccount.js';

describe('podDefaultServiceAccount', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podDefaultServiceAccount, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.serviceAccountName = 'default';
    const objs = [d];
    const v = runKubeRule(podDefaultServiceAccount, objs);
    expect(v).toHaveLength(1);
    expect(v[0]?.severity).toBe('INFO');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

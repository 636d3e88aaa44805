import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerDropAllCapabilities } from './containerDropAllCapabilities.js';

describe('containerDropAllCapabilities', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerDropAllCapabilities, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].securityContext.capabilities.drop = ['NET_RAW'];
    const objs = [d];
    const v = runKubeRule(containerDropAllCapabilities, objs);
    expect(v).toHaveLength(1);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

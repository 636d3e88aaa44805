import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podHostPathVolume } from './podHostPathVolume.js';

describe('podHostPathVolume', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podHostPathVolume, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
    const objs = [d];
    const v = runKubeRule(podHostPathVolume, objs);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain('/var/log');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

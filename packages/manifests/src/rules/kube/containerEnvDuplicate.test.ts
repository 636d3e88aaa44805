import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerEnvDuplicate } from './containerEnvDuplicate.js';

describe('containerEnvDuplicate', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerEnvDuplicate, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].env.push({ name: 'LOG_LEVEL', value: 'debug' });
    const objs = [d];
    const v = runKubeRule(containerEnvDuplicate, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].env[2].name']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

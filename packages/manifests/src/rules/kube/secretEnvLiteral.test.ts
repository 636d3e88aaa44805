import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { secretEnvLiteral } from './secretEnvLiteral.js';

describe('secretEnvLiteral', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(secretEnvLiteral, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].env.push({ name: 'API_TOKEN', value: 'abc123' });
    const objs = [d];
    const v = runKubeRule(secretEnvLiteral, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].env[2].value']);
    expect(v[0]?.message).toContain('API_TOKEN');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

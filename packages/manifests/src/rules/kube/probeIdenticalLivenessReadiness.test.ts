import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { probeIdenticalLivenessReadiness } from './probeIdenticalLivenessReadiness.js';

describe('probeIdenticalLivenessReadiness', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(probeIdenticalLivenessReadiness, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].readinessProbe = { ...d.spec.template.spec.containers[0].livenessProbe };
    const objs = [d];
    const v = runKubeRule(probeIdenticalLivenessReadiness, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].livenessProbe']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

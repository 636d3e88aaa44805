import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { probePortExists } from './probePortExists.js';

describe('probePortExists', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(probePortExists, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].readinessProbe.httpGet.port = 'htp';
    const objs = [d];
    const v = runKubeRule(probePortExists, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].readinessProbe.httpGet.port']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

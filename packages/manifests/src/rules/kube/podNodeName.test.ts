import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podNodeName } from './podNodeName.js';

describe('podNodeName', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podNodeName, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.nodeName = 'worker-1';
    const objs = [d];
    const v = runKubeRule(podNodeName, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.nodeName']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podHostIpc } from './podHostIpc.js';

describe('podHostIpc', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podHostIpc, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.hostIPC = true;
    const objs = [d];
    const v = runKubeRule(podHostIpc, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.hostIPC']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerHostPort } from './containerHostPort.js';

describe('containerHostPort', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerHostPort, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].ports[0].hostPort = 8080;
    const objs = [d];
    const v = runKubeRule(containerHostPort, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].ports[0].hostPort']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podDockerSocket } from './podDockerSocket.js';

describe('podDockerSocket', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(podDockerSocket, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.volumes = [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }];
    const objs = [d];
    const v = runKubeRule(podDockerSocket, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.volumes[0]']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

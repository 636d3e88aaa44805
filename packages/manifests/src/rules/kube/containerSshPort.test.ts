import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerSshPort } from './containerSshPort.js';

describe('containerSshPort', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerSshPort, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].ports.push({ containerPort: 22 });
    const objs = [d];
    const v = runKubeRule(containerSshPort, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].ports[1].containerPort']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

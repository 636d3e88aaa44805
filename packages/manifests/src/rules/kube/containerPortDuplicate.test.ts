import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerPortDuplicate } from './containerPortDuplicate.js';

describe('containerPortDuplicate', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerPortDuplicate, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].ports.push({ name: 'http', containerPort: 8081 });
    const objs = [d];
    const v = runKubeRule(containerPortDuplicate, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].ports[1]']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

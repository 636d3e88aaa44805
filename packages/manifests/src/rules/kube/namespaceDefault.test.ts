import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { namespaceDefault } from './namespaceDefault.js';

describe('namespaceDefault', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(namespaceDefault, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.metadata.namespace = 'default';
    const objs = [d];
    const v = runKubeRule(namespaceDefault, objs);
    expect(v.map((x) => x.path)).toEqual(['metadata.namespace']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerReadOnlyRootFs } from './containerReadOnlyRootFs.js';

describe('containerReadOnlyRootFs', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(containerReadOnlyRootFs, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false;
    const objs = [d];
    const v = runKubeRule(containerReadOnlyRootFs, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].securityContext']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

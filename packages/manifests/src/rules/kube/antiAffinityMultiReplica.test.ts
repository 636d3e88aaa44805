import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { antiAffinityMultiReplica } from './antiAffinityMultiReplica.js';

describe('antiAffinityMultiReplica', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(antiAffinityMultiReplica, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.topologySpreadConstraints;
    const objs = [d];
    const v = runKubeRule(antiAffinityMultiReplica, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

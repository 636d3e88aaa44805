import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { imagePullPolicy } from './imagePullPolicy.js';

describe('imagePullPolicy', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(imagePullPolicy, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].imagePullPolicy = 'Never';
    d.spec.template.spec.initContainers = [{ name: 'init', image: 'busybox', imagePullPolicy: 'IfNotPresent' }];
    const objs = [d];
    const v = runKubeRule(imagePullPolicy, objs);
    expect(v.map((x) => x.path)).toEqual([
      'spec.template.spec.initContainers[0].imagePullPolicy',
      'spec.template.spec.containers[0].imagePullPolicy',
    ]);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

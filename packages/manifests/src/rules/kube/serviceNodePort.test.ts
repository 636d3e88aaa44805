import { describe, expect, it } from 'vitest';
import { companions, runKubeRule } from '../testing/kubeTesting.js';
import { serviceNodePort } from './serviceNodePort.js';

describe('serviceNodePort', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(serviceNodePort, companions())).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = companions();
    objs[0].spec.type = 'NodePort';
    const v = runKubeRule(serviceNodePort, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.type']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { emptyDirSizeLimit } from './emptyDirSizeLimit.js';

describe('emptyDirSizeLimit', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(emptyDirSizeLimit, [
        (() => {
          const d = healthyDeployment();
          d.spec.template.spec.volumes = [{ name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }];
          return d;
        })(),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.volumes = [{ name: 'tmp', emptyDir: {} }];
    const objs = [d];
    const v = runKubeRule(emptyDirSizeLimit, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.volumes[0]']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

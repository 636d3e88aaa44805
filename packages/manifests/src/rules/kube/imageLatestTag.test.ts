import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { imageLatestTag } from './imageLatestTag.js';

describe('imageLatestTag', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(imageLatestTag, [
        (() => {
          const d = healthyDeployment();
          d.spec.template.spec.containers[0].image = 'registry.example.com:5000/web@sha256:abc';
          return d;
        })(),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].image = 'registry.example.com:5000/web';
    d.spec.template.spec.initContainers = [{ name: 'init', image: 'busybox:latest' }];
    const objs = [d];
    const v = runKubeRule(imageLatestTag, objs);
    expect(v.map((x) => x.path)).toEqual([
      'spec.template.spec.initContainers[0].image',
      'spec.template.spec.containers[0].image',
    ]);
    expect(v[1]?.message).toContain('untagged');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

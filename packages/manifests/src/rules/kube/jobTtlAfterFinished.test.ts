import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { jobTtlAfterFinished } from './jobTtlAfterFinished.js';

describe('jobTtlAfterFinished', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(jobTtlAfterFinished, [
        obj(
          'apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec: { ttlSecondsAfterFinished: 600, template: { spec: { restartPolicy: Never, containers: [{ name: j, image: "busybox:1.36" }] } } }',
        ),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      obj(
        'apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec: { template: { spec: { restartPolicy: Never, containers: [{ name: j, image: "busybox:1.36" }] } } }',
      ),
    ];
    const v = runKubeRule(jobTtlAfterFinished, objs);
    expect(v.map((x) => x.path)).toEqual(['spec']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

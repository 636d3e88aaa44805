import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { cronJobConcurrencyPolicy } from './cronJobConcurrencyPolicy.js';

const CRON = () =>
  obj(
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "0 * * * *"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 300\n  jobTemplate: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: c, image: "busybox:1.36" }] } } } }',
  );

describe('cronJobConcurrencyPolicy', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(cronJobConcurrencyPolicy, [CRON()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const c = CRON();
    delete c.spec.concurrencyPolicy;
    const objs = [c];
    const v = runKubeRule(cronJobConcurrencyPolicy, objs);
    expect(v.map((x) => x.path)).toEqual(['spec']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { podPriorityClass } from './podPriorityClass.js';

describe('podPriorityClass', () => {
  it('passes a pod template that names a PriorityClass', () => {
    expect(runKubeRule(podPriorityClass, [healthyDeployment()])).toEqual([]);
  });

  it('reports a pod template, a CronJob and a bare Pod without one', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.priorityClassName;
    expect(runKubeRule(podPriorityClass, [d]).map((v) => [v.path, v.severity])).toEqual([
      ['spec.template.spec', 'INFO'],
    ]);
    const cron = obj(`
apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "0 3 * * *"
  jobTemplate: { spec: { template: { spec: { priorityClassName: "", containers: [{ name: r, image: r:1 }] } } } }
`);
    expect(runKubeRule(podPriorityClass, [cron]).map((v) => v.path)).toEqual(['spec.jobTemplate.spec.template.spec']);
    const pod = obj(
      '{ apiVersion: v1, kind: Pod, metadata: { name: p }, spec: { containers: [{ name: a, image: a:1 }] } }',
    );
    expect(runKubeRule(podPriorityClass, [pod])).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { hpaTargetExists } from './hpaTargetExists.js';

const HPA = () =>
  obj(
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: shop }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 3\n  maxReplicas: 10\n  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }]',
  );

describe('hpaTargetExists', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(hpaTargetExists, [HPA(), healthyDeployment()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const h = HPA();
    h.spec.scaleTargetRef.name = 'wbe';
    const objs = [h, healthyDeployment()];
    const v = runKubeRule(hpaTargetExists, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.scaleTargetRef']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

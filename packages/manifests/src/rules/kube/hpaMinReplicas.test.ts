import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { hpaMinReplicas } from './hpaMinReplicas.js';

const HPA = () =>
  obj(
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: shop }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 3\n  maxReplicas: 10\n  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }]',
  );

describe('hpaMinReplicas', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(hpaMinReplicas, [HPA()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const h = HPA();
    h.spec.minReplicas = 1;
    const objs = [h];
    const v = runKubeRule(hpaMinReplicas, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.minReplicas']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

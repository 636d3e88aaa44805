import { describe, expect, it } from 'vitest';
import { healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { hpaReplicasConflict } from './hpaReplicasConflict.js';

const HPA = () =>
  obj(
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: shop }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 3\n  maxReplicas: 10\n  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }]',
  );

describe('hpaReplicasConflict', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(hpaReplicasConflict, [
        (() => {
          const d = healthyDeployment();
          delete d.spec.replicas;
          return d;
        })(),
        HPA(),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [healthyDeployment(), HPA()];
    const v = runKubeRule(hpaReplicasConflict, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.replicas']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { hpaTargetRequests } from './hpaTargetRequests.js';

const HPA = () =>
  obj(
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: web, namespace: shop }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 3\n  maxReplicas: 10\n  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }]',
  );

describe('hpaTargetRequests', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(hpaTargetRequests, [HPA(), healthyDeployment()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    delete d.spec.template.spec.containers[0].resources.requests.cpu;
    const objs = [HPA(), d];
    const v = runKubeRule(hpaTargetRequests, objs);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain('cpu');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

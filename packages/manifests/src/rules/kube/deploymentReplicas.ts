import { kubeRule } from '../kubeRule.js';
import { autoscalersOf } from '../selectWorkloads.js';

/**
 * A single replica means downtime on every node drain, eviction or crash. Workloads scaled by an
 * HorizontalPodAutoscaler are judged by its minReplicas instead.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
export const deploymentReplicas = kubeRule({
  id: 'deployment-replicas',
  appliesTo: ['Deployment', 'StatefulSet'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'Deployments should run at least 2 replicas',
  fix: 'set spec.replicas to 2 or more',
  check: (obj, ctx) => {
    const scaled = autoscalersOf(ctx, obj).length > 0;
    const replicas = obj.spec?.replicas ?? 1;
    if (scaled || typeof replicas !== 'number' || replicas >= 2) return [];
    return [{ message: `${obj.kind} runs ${replicas} replica${replicas === 1 ? '' : 's'}`, path: 'spec.replicas' }];
  },
});

import { containersOf } from '../../kube/podSpec.js';
import { kubeRule, namespaceOf } from '../kubeRule.js';

/**
 * Utilisation targets are a percentage of requests: an HPA scaling on CPU or memory needs every container of
 * its target to request that resource, or it cannot compute utilisation.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#how-does-a-horizontalpodautoscaler-work
 */
export const hpaTargetRequests = kubeRule({
  id: 'hpa-target-requests',
  appliesTo: ['HorizontalPodAutoscaler'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Containers of an HPA target must request the resources the HPA scales on',
  fix: 'set resources.requests for the scaled resource on every container of the target',
  check: (obj, ctx) => {
    const ref = obj.spec?.scaleTargetRef;
    const target = ctx.inNamespace(String(ref?.kind), namespaceOf(obj)).find((r) => r.obj.metadata?.name === ref?.name);
    if (!target) return [];
    const metrics = Array.isArray(obj.spec?.metrics) ? obj.spec.metrics : [];
    const resources = new Set<string>(
      metrics
        .filter((m: { type?: string }) => m?.type === 'Resource')
        .map((m: { resource?: { name?: string } }) => String(m.resource?.name)),
    );
    if (typeof obj.spec?.targetCPUUtilizationPercentage === 'number') resources.add('cpu');
    return [...resources].flatMap((res) =>
      containersOf(target.obj, false)
        .filter(({ c }) => c.resources?.requests?.[res] === undefined)
        .map(({ name }) => ({
          message: `${target.ref} container "${name}" has no ${res} request, so the HPA cannot scale on ${res}`,
          path: 'spec.scaleTargetRef',
        })),
    );
  },
});

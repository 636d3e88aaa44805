import { kubeRule, namespaceOf } from '../kubeRule.js';

/**
 * A StatefulSet's pods get stable DNS names from the governing headless Service named in serviceName.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
 */
export const statefulSetServiceName = kubeRule({
  id: 'statefulset-service-name',
  appliesTo: ['StatefulSet'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'StatefulSets must name a headless Service of the input in serviceName',
  fix: 'set spec.serviceName to a headless Service (clusterIP: None) selecting the pods',
  check: (obj, ctx) => {
    const name = obj.spec?.serviceName;
    if (typeof name !== 'string' || name === '') {
      return [{ message: 'the StatefulSet names no governing Service', path: 'spec' }];
    }
    const services = ctx.inNamespace('Service', namespaceOf(obj));
    const svc = services.find((s) => s.obj.metadata?.name === name);
    if (services.length === 0) return [];
    if (!svc) return [{ message: `Service "${name}" is not in the input`, path: 'spec.serviceName' }];
    if (svc.obj.spec?.clusterIP !== 'None') {
      return [{ message: `Service "${name}" is not headless (clusterIP: None)`, path: 'spec.serviceName' }];
    }
    return [];
  },
});

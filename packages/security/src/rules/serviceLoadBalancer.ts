import { kubeRule } from '@opspilot/manifests';

/**
 * A LoadBalancer Service without source ranges is reachable from the internet.
 * @see https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/
 */
export const serviceLoadBalancer = kubeRule({
  id: 'service-load-balancer',
  appliesTo: ['Service'],
  category: 'security',
  severity: 'WARNING',
  description: 'LoadBalancer Services should restrict loadBalancerSourceRanges',
  fix: 'set spec.loadBalancerSourceRanges, or use ClusterIP behind an Ingress with TLS',
  check: (obj) => {
    if (obj.spec?.type !== 'LoadBalancer') return [];
    const ranges = obj.spec?.loadBalancerSourceRanges;
    if (Array.isArray(ranges) && ranges.length > 0 && !ranges.includes('0.0.0.0/0')) return [];
    return [{ message: 'the LoadBalancer Service is open to every address', path: 'spec.type' }];
  },
});

import { describe, expect, it } from 'vitest';
import { analyzeWith, event, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { serviceLoadBalancerPending } from './serviceLoadBalancerPending.js';

const lb = () =>
  obj('v1', 'Service', 'public', 'shop', {
    spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] },
    status: { loadBalancer: {} },
  });

describe('service-loadbalancer-pending', () => {
  it('reports nothing on a healthy cluster, nor on a LoadBalancer with an address', () => {
    const served = lb();
    served.status = { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } };
    expect(analyzeWith(serviceLoadBalancerPending, healthyCluster().add(served).objects)).toEqual([]);
  });

  it('says nothing provisions load balancers when no controller is in sight', () => {
    const [finding] = analyzeWith(serviceLoadBalancerPending, healthyCluster().add(lb()).objects);
    expect(finding?.message).toBe(
      'LoadBalancer Service shop/public has no external address and nothing in the cluster provisions load balancers (no cloud provider on the nodes, no MetalLB or similar)',
    );
    expect(finding?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { type: 'NodePort' } } });
  });

  it('quotes the controller when there is one and it fails', () => {
    const svc = lb();
    const cluster = healthyCluster().add(
      svc,
      event(
        svc,
        'Warning',
        'SyncLoadBalancerFailed',
        'Error syncing load balancer: failed to ensure load balancer: quota exceeded',
      ),
    );
    (cluster.find('Node', 'worker-1').spec as Record<string, unknown>).providerID = 'aws:///eu-west-1a/i-0abc';
    const [finding] = analyzeWith(serviceLoadBalancerPending, cluster.objects);
    expect(finding?.message).toMatch(
      /the load-balancer controller has not provisioned one \(Error syncing load balancer: failed to ensure load balancer: quota exceeded\)$/,
    );
  });
});

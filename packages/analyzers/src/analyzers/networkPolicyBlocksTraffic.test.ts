import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { analyzeWith, obj, ownedBy, pod } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { networkPolicyBlocksTraffic } from './networkPolicyBlocksTraffic.js';

/** The shop's frontend calls the api Service (BACKEND_URL) whose pods listen on 8080. */
function shop(...policies: KubeObject[]) {
  const cluster = healthyCluster();
  const front = obj('apps/v1', 'Deployment', 'frontend', 'shop', {
    spec: { selector: { matchLabels: { app: 'frontend' } } },
  });
  const api = obj('apps/v1', 'Deployment', 'api', 'shop', { spec: { selector: { matchLabels: { app: 'api' } } } });
  cluster.add(
    front,
    api,
    pod(
      'frontend-1',
      'shop',
      {
        containers: [
          {
            name: 'ui',
            image: 'ui:3',
            env: [{ name: 'BACKEND_URL', value: 'http://api.shop.svc.cluster.local:80/v1' }],
          },
        ],
      },
      { labels: { app: 'frontend', tier: 'web' }, ownerReferences: ownedBy(front) },
    ),
    pod(
      'api-1',
      'shop',
      { containers: [{ name: 'api', image: 'api:7', ports: [{ containerPort: 8080, name: 'http' }] }] },
      { labels: { app: 'api' }, ownerReferences: ownedBy(api) },
    ),
    obj('v1', 'Service', 'api', 'shop', {
      spec: { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 'http' }] },
    }),
    ...policies,
  );
  return cluster;
}

const policy = (name: string, spec: Record<string, unknown>) =>
  obj('networking.k8s.io/v1', 'NetworkPolicy', name, 'shop', { spec });

describe('networkpolicy-blocks-traffic', () => {
  it('reports nothing on a healthy cluster, nor when a rule admits the frontend on the port', () => {
    expect(analyzeWith(networkPolicyBlocksTraffic, healthyCluster().objects)).toEqual([]);
    const allowed = shop(
      policy('api-ingress', {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'web' } } }], ports: [{ port: 'http' }] }],
      }),
    );
    expect(analyzeWith(networkPolicyBlocksTraffic, allowed.objects)).toEqual([]);
  });

  it('reports a default-deny that cuts the frontend off the api, with the rule admitting it', () => {
    const cluster = shop(policy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] }));
    const [finding, ...rest] = analyzeWith(networkPolicyBlocksTraffic, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      "NetworkPolicy shop/default-deny cuts Deployment shop/frontend off Service shop/api (port 8080): no ingress rule of the policies selecting its pods admits frontend's pods",
    );
    expect(finding?.proposedFix?.patch?.body).toEqual([
      {
        op: 'add',
        path: '/spec/ingress',
        value: [
          {
            from: [{ podSelector: { matchLabels: { app: 'frontend', tier: 'web' } } }],
            ports: [{ port: 8080, protocol: 'TCP' }],
          },
        ],
      },
    ]);
  });

  it('reports a rule that admits the frontend on the wrong port, and an egress policy that keeps the frontend in', () => {
    const wrongPort = shop(
      policy('api-ingress', {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 9090 }] }],
      }),
    );
    expect(analyzeWith(networkPolicyBlocksTraffic, wrongPort.objects)[0]?.resource.name).toBe('api-ingress');
    const egress = shop(
      policy('frontend-egress', {
        podSelector: { matchLabels: { app: 'frontend' } },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
            ports: [{ port: 53, protocol: 'UDP' }],
          },
        ],
      }),
    );
    const [finding] = analyzeWith(networkPolicyBlocksTraffic, egress.objects);
    expect(finding?.message).toMatch(/no egress rule of the policies selecting frontend's pods lets them reach it$/);
    expect(finding?.proposedFix?.patch?.body).toEqual([
      {
        op: 'add',
        path: '/spec/egress/-',
        value: { to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080, protocol: 'TCP' }] },
      },
    ]);
  });
});

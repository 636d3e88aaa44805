import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { httpRouteBroken } from './httpRouteBroken.js';

const gw = (from = 'Same') =>
  obj('gateway.networking.k8s.io/v1', 'Gateway', 'public', 'shop', {
    spec: {
      gatewayClassName: 'eg',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from } } }],
    },
  });
const route = (
  ns: string,
  backend: Record<string, unknown>,
  parent: Record<string, unknown> = { name: 'public', namespace: 'shop' },
) =>
  obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'web', ns, {
    spec: { parentRefs: [parent], rules: [{ backendRefs: [backend] }] },
  });

describe('httproute-broken', () => {
  it('reports nothing on a healthy cluster, nor on a route to an existing Service port through its Gateway', () => {
    expect(
      analyzeWith(httpRouteBroken, healthyCluster().add(gw(), route('shop', { name: 'web', port: 80 })).objects),
    ).toEqual([]);
  });

  it('reports a missing Gateway, a listener that refuses the namespace and a backend port the Service lacks', () => {
    const missing = analyzeWith(
      httpRouteBroken,
      healthyCluster().add(route('shop', { name: 'web', port: 80 }, { name: 'edge' })).objects,
    );
    expect(missing.map((f) => f.message)).toEqual([
      'HTTPRoute shop/web is attached to Gateway shop/edge, which does not exist',
    ]);
    const refused = analyzeWith(
      httpRouteBroken,
      healthyCluster().add(gw(), route('blog', { name: 'web', namespace: 'shop', port: 80 })).objects,
    );
    expect(refused[0]?.message).toBe(
      'HTTPRoute blog/web is attached to Gateway shop/public, whose listeners do not allow routes from namespace blog',
    );
    const port = analyzeWith(
      httpRouteBroken,
      healthyCluster().add(gw(), route('shop', { name: 'web', port: 8080 })).objects,
    );
    expect(port[0]?.message).toBe(
      'HTTPRoute shop/web sends traffic to port 8080 of Service shop/web, which exposes only 80',
    );
    expect(port[0]?.proposedFix?.patch?.body).toEqual([
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/port', value: 80 },
    ]);
  });
});

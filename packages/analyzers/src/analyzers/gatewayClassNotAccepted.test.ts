import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { gatewayClassNotAccepted } from './gatewayClassNotAccepted.js';

const gc = (status: string, reason: string, message?: string) =>
  obj('gateway.networking.k8s.io/v1', 'GatewayClass', 'eg', undefined, {
    spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' },
    status: { conditions: [{ type: 'Accepted', status, reason, ...(message ? { message } : {}) }] },
  });

describe('gatewayclass-not-accepted', () => {
  it('reports nothing on a healthy cluster, nor on an accepted class', () => {
    expect(analyzeWith(gatewayClassNotAccepted, healthyCluster().add(gc('True', 'Accepted')).objects)).toEqual([]);
  });

  it('reports a class no controller accepted', () => {
    const [finding] = analyzeWith(
      gatewayClassNotAccepted,
      healthyCluster().add(gc('Unknown', 'Pending', 'Waiting for controller')).objects,
    );
    expect(finding?.message).toBe(
      'GatewayClass eg is not accepted (Pending: Waiting for controller): no Gateway of it gets programmed; controllerName gateway.envoyproxy.io/gatewayclass-controller',
    );
  });
});

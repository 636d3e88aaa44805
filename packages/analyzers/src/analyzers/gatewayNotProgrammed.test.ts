import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { gatewayNotProgrammed } from './gatewayNotProgrammed.js';

const gc = () =>
  obj('gateway.networking.k8s.io/v1', 'GatewayClass', 'eg', undefined, {
    status: { conditions: [{ type: 'Accepted', status: 'True' }] },
  });
const gw = (className: string, programmed = 'True') =>
  obj('gateway.networking.k8s.io/v1', 'Gateway', 'public', 'shop', {
    spec: { gatewayClassName: className, listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
    status: {
      conditions: [
        { type: 'Accepted', status: 'True' },
        {
          type: 'Programmed',
          status: programmed,
          reason: programmed === 'True' ? 'Programmed' : 'AddressNotAssigned',
          message: 'No addresses have been assigned to the Gateway',
        },
      ],
    },
  });

describe('gateway-not-programmed', () => {
  it('reports nothing on a healthy cluster, nor on a programmed Gateway', () => {
    expect(analyzeWith(gatewayNotProgrammed, healthyCluster().add(gc(), gw('eg')).objects)).toEqual([]);
  });

  it('reports a Gateway of a class that does not exist, proposing the one that does', () => {
    const [finding] = analyzeWith(gatewayNotProgrammed, healthyCluster().add(gc(), gw('envoy')).objects);
    expect(finding?.message).toBe(
      'Gateway shop/public uses GatewayClass envoy, which does not exist (existing: eg): nothing programs it',
    );
    expect(finding?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { gatewayClassName: 'eg' } } });
  });

  it('reports a Gateway its controller could not program', () => {
    const [finding] = analyzeWith(gatewayNotProgrammed, healthyCluster().add(gc(), gw('eg', 'False')).objects);
    expect(finding?.message).toBe(
      'Gateway shop/public is not programmed (AddressNotAssigned: No addresses have been assigned to the Gateway): its listeners serve no traffic',
    );
  });
});

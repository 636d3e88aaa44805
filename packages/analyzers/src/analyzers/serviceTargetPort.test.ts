import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { serviceTargetPort } from './serviceTargetPort.js';

function targeting(targetPort: number | string) {
  const cluster = healthyCluster();
  (cluster.find('Service', 'web').spec as { ports: unknown[] }).ports = [{ name: 'http', port: 80, targetPort }];
  return cluster;
}

describe('service-target-port', () => {
  it('reports nothing on a healthy cluster or a matching number', () => {
    expect(analyzeWith(serviceTargetPort, healthyCluster().objects)).toEqual([]);
    expect(analyzeWith(serviceTargetPort, targeting(8080).objects)).toEqual([]);
  });

  it('reports a named target port no container declares, proposing the only container port', () => {
    const [finding] = analyzeWith(serviceTargetPort, targeting('web').objects);
    expect(finding).toMatchObject({
      severity: 'HIGH',
      message: 'Service shop/web port 80 targets the named port "web", which no selected container declares',
    });
    expect(finding?.proposedFix?.patch?.body).toEqual({
      spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    });
  });

  it('reports a number that differs from every declared port', () => {
    const [finding] = analyzeWith(serviceTargetPort, targeting(9000).objects);
    expect(finding).toMatchObject({
      severity: 'MEDIUM',
      message: 'Service shop/web port 80 targets port 9000, but the selected containers expose only 8080',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { serviceTargetPort } from './serviceTargetPort.js';

describe('serviceTargetPort', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(serviceTargetPort, [companions()[0], healthyDeployment()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [companions()[0], healthyDeployment()];
    objs[0].spec.ports.push({ name: 'metrics', port: 9090, targetPort: 9090 });
    const v = runKubeRule(serviceTargetPort, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.ports[1].targetPort']);
    expect(v[0]?.message).toContain('Deployment/shop/web');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});

describe('serviceTargetPort on real-world workloads', () => {
  it('does not judge a numeric targetPort when the container declares no ports (kubernetes/examples guestbook)', () => {
    const objs = [companions()[0], healthyDeployment()];
    delete objs[1].spec.template.spec.containers[0].ports;
    objs[1].spec.template.spec.containers[0].readinessProbe = undefined;
    objs[1].spec.template.spec.containers[0].livenessProbe = undefined;
    objs[0].spec.ports = [{ port: 80, targetPort: 6379 }];
    expect(runKubeRule(serviceTargetPort, objs)).toEqual([]);
  });

  it('still requires a named targetPort to be declared', () => {
    const objs = [companions()[0], healthyDeployment()];
    delete objs[1].spec.template.spec.containers[0].ports;
    objs[0].spec.ports = [{ port: 80, targetPort: 'redis' }];
    expect(runKubeRule(serviceTargetPort, objs).map((v) => v.path)).toEqual(['spec.ports[0].targetPort']);
  });
});

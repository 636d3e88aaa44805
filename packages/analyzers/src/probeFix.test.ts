import { describe, expect, it } from 'vitest';
import { obj } from './__fixtures__/cluster.js';
import type { Container } from './kubeTypes.js';
import { probeFailureOf, probeFix } from './probeFix.js';

const owner = obj('apps/v1', 'Deployment', 'api', 'shop');
const container: Container = {
  name: 'api',
  ports: [{ containerPort: 8080 }],
  readinessProbe: { httpGet: { path: '/readyz', port: 8080 } },
  livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
};
const probeOf = (body: unknown) =>
  (body as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } }).spec.template.spec
    .containers[0];

describe('probeFix', () => {
  it('reads the failure the kubelet reported', () => {
    expect(probeFailureOf(['Readiness probe failed: HTTP probe failed with statuscode: 404'])).toEqual({
      cause: 'http-status',
      status: 404,
    });
    expect(probeFailureOf(['dial tcp 10.0.0.1:9000: connect: connection refused'])).toEqual({ cause: 'refused' });
    expect(probeFailureOf(['context deadline exceeded (Client.Timeout exceeded)'])).toEqual({ cause: 'timeout' });
    expect(probeFailureOf([''])).toEqual({ cause: 'unknown' });
  });

  it('fixes the path on a 404 and never adds delay', () => {
    const fix = probeFix(
      owner,
      container,
      'readinessProbe',
      container.readinessProbe!,
      { cause: 'http-status', status: 404 },
      'logs',
    );
    expect(probeOf(fix.patch?.body)).toEqual({
      name: 'api',
      readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
    });
    expect(JSON.stringify(fix)).not.toMatch(/initialDelaySeconds|failureThreshold/);
  });

  it('fixes the port when the probe asks one the container does not declare', () => {
    const probe = { httpGet: { path: '/healthz', port: 9090 } };
    const fix = probeFix(owner, container, 'livenessProbe', probe, { cause: 'refused' }, 'logs');
    expect(probeOf(fix.patch?.body)).toEqual({
      name: 'api',
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
    });
  });

  it('sends a 5xx to the application, and a timeout to a longer timeout', () => {
    const e500 = probeFix(
      owner,
      container,
      'livenessProbe',
      container.livenessProbe!,
      { cause: 'http-status', status: 503 },
      'kubectl logs x',
    );
    expect(e500.patch).toBeUndefined();
    expect(e500.command).toBe('kubectl logs x');
    const slow = probeFix(owner, container, 'livenessProbe', container.livenessProbe!, { cause: 'timeout' }, 'logs');
    expect(probeOf(slow.patch?.body)).toEqual({
      name: 'api',
      livenessProbe: { timeoutSeconds: 5, failureThreshold: 5 },
    });
  });
});

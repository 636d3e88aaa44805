import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podReadinessProbe } from './podReadinessProbe.js';

function unready(startedAt = '2026-01-01T11:00:00Z') {
  const cluster = healthyCluster();
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  const status = pod.status as { conditions: unknown[]; containerStatuses: unknown[] };
  status.containerStatuses = [
    { name: 'web', ready: false, started: true, restartCount: 0, state: { running: { startedAt } } },
  ];
  status.conditions = [
    { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' },
  ];
  return { cluster, pod };
}

describe('pod-readiness-probe', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podReadinessProbe, healthyCluster().objects)).toEqual([]);
  });

  it('reports a container unready for longer than its probe needs, with the probe-path check', () => {
    const [finding] = analyzeWith(podReadinessProbe, unready().cluster.objects);
    expect(finding?.message).toBe(
      'Container web of pod shop/web-5d8f7-abcde is running but not ready: its readiness probe (HTTP GET /ready on port 8080) fails, so it receives no traffic',
    );
    expect(finding?.evidence[0]).toMatchObject({
      kind: 'condition',
      detail: 'Ready=False ContainersNotReady: containers with unready status: [web]',
    });
    expect(finding?.proposedFix?.command).toBe(
      'kubectl get --raw /api/v1/namespaces/shop/pods/web-5d8f7-abcde:8080/proxy/ready',
    );
  });

  it('reports at once when Unhealthy events show the probe failing, and waits otherwise', () => {
    const fresh = unready('2026-01-01T11:59:50Z');
    expect(analyzeWith(podReadinessProbe, fresh.cluster.objects)).toEqual([]);
    fresh.cluster.add(
      event(fresh.pod, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'),
    );
    const [finding] = analyzeWith(podReadinessProbe, fresh.cluster.objects);
    expect(finding?.evidence.at(-1)?.detail).toContain('Readiness probe failed');
  });
});

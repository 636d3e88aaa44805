import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podLivenessProbe } from './podLivenessProbe.js';

function restarted(message?: string) {
  const cluster = healthyCluster();
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  (pod.status as { containerStatuses: unknown[] }).containerStatuses = [
    {
      name: 'web',
      ready: true,
      restartCount: 3,
      state: { running: {} },
      lastState: { terminated: { exitCode: 137, reason: 'Error', message } },
    },
  ];
  return { cluster, pod };
}

describe('pod-liveness-probe', () => {
  it('reports nothing on a healthy cluster, nor on restarts with another cause', () => {
    expect(analyzeWith(podLivenessProbe, healthyCluster().objects)).toEqual([]);
    expect(analyzeWith(podLivenessProbe, restarted().cluster.objects)).toEqual([]);
  });

  it('reports restarts caused by liveness failures seen in events; a 404 fixes the path, not the delay', () => {
    const { cluster, pod } = restarted();
    cluster.add(event(pod, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 404'));
    cluster.add(event(pod, 'Normal', 'Killing', 'Container web failed liveness probe, will be restarted'));
    const [finding] = analyzeWith(podLivenessProbe, cluster.objects);
    expect(finding?.message).toBe(
      'Container web of pod shop/web-5d8f7-abcde is killed by its failing liveness probe (HTTP GET /live on port 8080) and has restarted 3 times',
    );
    expect(finding?.evidence.filter((e) => e.kind === 'event')).toHaveLength(2);
    expect(finding?.proposedFix?.patch?.body).toEqual({
      spec: {
        template: {
          spec: { containers: [{ name: 'web', livenessProbe: { httpGet: { path: '/ready', port: 8080 } } }] },
        },
      },
    });
  });

  it('gives a slow start more time only when nothing listens yet on the declared port', () => {
    const { cluster, pod } = restarted();
    cluster.add(
      event(
        pod,
        'Warning',
        'Unhealthy',
        'Liveness probe failed: Get "http://10.244.1.7:8080/live": dial tcp 10.244.1.7:8080: connect: connection refused',
      ),
    );
    const [finding] = analyzeWith(podLivenessProbe, cluster.objects);
    expect(finding?.proposedFix?.description).toMatch(/starts slowly/);
    expect(JSON.stringify(finding?.proposedFix?.patch?.body)).toContain('"initialDelaySeconds":30');
  });

  it('recognises a termination message naming the liveness probe', () => {
    const { cluster } = restarted('Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(analyzeWith(podLivenessProbe, cluster.objects)).toHaveLength(1);
  });
});

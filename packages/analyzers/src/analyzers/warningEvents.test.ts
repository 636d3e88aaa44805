import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { warningEvents } from './warningEvents.js';

describe('warning-events', () => {
  it('reports nothing on a healthy cluster, nor warnings other analyzers cover', () => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    cluster.add(event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container'));
    cluster.add(
      event(
        pod,
        'Warning',
        'FailedMount',
        'MountVolume.SetUp failed for volume "conf" : configmap "web-config" not found',
      ),
    );
    const node = cluster.objects.find((o) => o.kind === 'Node')!;
    cluster.add(
      event(
        node,
        'Warning',
        'OOMKilling',
        'Memory cgroup out of memory: Killed process of container web in pod shop/web',
      ),
    );
    expect(analyzeWith(warningEvents, cluster.objects)).toEqual([]);
  });

  it('reports other recent warnings, one finding per object and reason', () => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    cluster.add(
      event(pod, 'Warning', 'FailedMount', 'MountVolume.MountDevice failed: rpc error: timed out', { count: 3 }),
    );
    cluster.add(
      event(pod, 'Warning', 'FailedMount', 'MountVolume.MountDevice failed: rpc error: timed out', { count: 2 }),
    );
    const [finding, ...rest] = analyzeWith(warningEvents, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      'Pod shop/web-5d8f7-abcde: FailedMount – MountVolume.MountDevice failed: rpc error: timed out (5 times)',
    );
    expect(finding?.resource).toEqual({ kind: 'Pod', name: 'web-5d8f7-abcde', namespace: 'shop' });
  });

  it('ignores warnings older than an hour', () => {
    const cluster = healthyCluster();
    cluster.add(
      event(cluster.find('Node', 'worker-1'), 'Warning', 'Rebooted', 'Node rebooted', {
        lastTimestamp: '2026-01-01T10:00:00Z',
      }),
    );
    expect(analyzeWith(warningEvents, cluster.objects)).toEqual([]);
  });

  it('leaves out warnings about objects that are gone, and Job failures job-failed explains', () => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    cluster.add(event(pod, 'Warning', 'FailedMount', 'MountVolume.MountDevice failed: rpc error: timed out'));
    cluster.add(
      event(
        cluster.find('Deployment', 'web'),
        'Warning',
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit',
      ),
    );
    cluster.remove('Pod', 'web-5d8f7-abcde');
    expect(analyzeWith(warningEvents, cluster.objects)).toEqual([]);
  });
});

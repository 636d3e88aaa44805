import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podLifecycleHook } from './podLifecycleHook.js';

describe('pod-lifecycle-hook', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podLifecycleHook, healthyCluster().objects)).toEqual([]);
  });

  it('reports a failing postStart hook with the kubelet message', () => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    cluster.add(
      event(
        pod,
        'Warning',
        'FailedPostStartHook',
        'PostStartHook failed: exec: "/opt/warmup.sh": stat /opt/warmup.sh: no such file or directory',
      ),
    );
    const [finding] = analyzeWith(podLifecycleHook, cluster.objects);
    expect(finding?.message).toBe(
      'The postStart hook of pod shop/web-5d8f7-abcde fails, so its container is killed and restarted: PostStartHook failed: exec: "/opt/warmup.sh": stat /opt/warmup.sh: no such file or directory',
    );
    expect(finding?.severity).toBe('HIGH');
  });
});

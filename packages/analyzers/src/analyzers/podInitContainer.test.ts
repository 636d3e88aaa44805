import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podInitContainer } from './podInitContainer.js';

function withInit(status: Record<string, unknown>) {
  const cluster = healthyCluster();
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  (pod.status as Record<string, unknown>).initContainerStatuses = [{ name: 'migrate', ready: false, ...status }];
  return cluster;
}

describe('pod-init-container', () => {
  it('reports nothing on a healthy cluster or a completed init container', () => {
    expect(analyzeWith(podInitContainer, healthyCluster().objects)).toEqual([]);
    expect(
      analyzeWith(podInitContainer, withInit({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }).objects),
    ).toEqual([]);
  });

  it('reports a crash-looping init container with its last exit', () => {
    const cluster = withInit({
      restartCount: 2,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    const [finding] = analyzeWith(podInitContainer, cluster.objects);
    expect(finding?.message).toBe(
      "Init container migrate of pod shop/web-5d8f7-abcde fails with exit code 1 (Error), so the pod's containers never start (2 restarts)",
    );
    expect(finding?.proposedFix?.command).toBe('kubectl logs -n shop web-5d8f7-abcde -c migrate --previous');
  });

  it('reports an init container that terminated with an error', () => {
    expect(analyzeWith(podInitContainer, withInit({ state: { terminated: { exitCode: 3 } } }).objects)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podRestartStorm } from './podRestartStorm.js';

function restarts(count: number, reason = 'Error', finishedAt = '2026-01-01T11:50:00Z') {
  const cluster = healthyCluster();
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  (pod.status as { containerStatuses: unknown[] }).containerStatuses = [
    {
      name: 'web',
      ready: true,
      restartCount: count,
      state: { running: {} },
      lastState: { terminated: { exitCode: 2, reason, finishedAt } },
    },
  ];
  return cluster;
}

describe('pod-restart-storm', () => {
  it('reports nothing on a healthy cluster or below the threshold', () => {
    expect(analyzeWith(podRestartStorm, healthyCluster().objects)).toEqual([]);
    expect(analyzeWith(podRestartStorm, restarts(4).objects)).toEqual([]);
  });

  it('reports a running container with many recent restarts', () => {
    const [finding] = analyzeWith(podRestartStorm, restarts(7).objects);
    expect(finding?.message).toBe(
      'Container web of pod shop/web-5d8f7-abcde has restarted 7 times, last with exit code 2 (Error)',
    );
    expect(finding?.proposedFix?.command).toBe('kubectl logs -n shop web-5d8f7-abcde -c web --previous');
  });

  it('ignores old restarts and OOM kills', () => {
    expect(analyzeWith(podRestartStorm, restarts(7, 'Error', '2026-01-01T09:00:00Z').objects)).toEqual([]);
    expect(analyzeWith(podRestartStorm, restarts(7, 'OOMKilled').objects)).toEqual([]);
  });
});

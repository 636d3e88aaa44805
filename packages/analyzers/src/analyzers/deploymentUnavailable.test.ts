import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { deploymentUnavailable } from './deploymentUnavailable.js';

function degraded(available: number, since = '2026-01-01T11:30:00Z', progressing = 'NewReplicaSetAvailable') {
  const cluster = healthyCluster();
  const dep = cluster.find('Deployment', 'web');
  dep.status = {
    replicas: 2,
    readyReplicas: available,
    availableReplicas: available,
    updatedReplicas: 2,
    conditions: [
      {
        type: 'Available',
        status: 'False',
        reason: 'MinimumReplicasUnavailable',
        message: 'Deployment does not have minimum availability.',
        lastTransitionTime: since,
      },
      {
        type: 'Progressing',
        status: progressing === 'ProgressDeadlineExceeded' ? 'False' : 'True',
        reason: progressing,
      },
    ],
  };
  return cluster;
}

describe('deployment-unavailable', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(deploymentUnavailable, healthyCluster().objects)).toEqual([]);
  });

  it('reports missing replicas with counts and the Available condition', () => {
    const [finding] = analyzeWith(deploymentUnavailable, degraded(0).objects);
    expect(finding).toMatchObject({
      id: 'deployment-unavailable:deployment/shop/web',
      severity: 'CRITICAL',
      message: 'Deployment shop/web has 0 of 2 replicas available',
    });
    expect(finding?.evidence[1]?.detail).toBe(
      'Available=False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
    );
    expect(finding?.proposedFix?.command).toBe("kubectl describe pods -n shop -l 'app=web'");
    expect(analyzeWith(deploymentUnavailable, degraded(1).objects)[0]?.severity).toBe('HIGH');
  });

  it('waits a minute before reporting, and leaves failed rollouts to deployment-rollout-stuck', () => {
    expect(analyzeWith(deploymentUnavailable, degraded(0, '2026-01-01T11:59:30Z').objects)).toEqual([]);
    expect(analyzeWith(deploymentUnavailable, degraded(0, undefined, 'ProgressDeadlineExceeded').objects)).toEqual([]);
  });
});

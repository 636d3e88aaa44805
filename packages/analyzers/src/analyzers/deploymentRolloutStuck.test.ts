import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { deploymentRolloutStuck } from './deploymentRolloutStuck.js';

function withConditions(conditions: unknown[], extra: Record<string, unknown> = {}) {
  const cluster = healthyCluster();
  const dep = cluster.find('Deployment', 'web');
  dep.status = { replicas: 2, updatedReplicas: 1, availableReplicas: 1, conditions };
  Object.assign(dep.spec as object, extra);
  return cluster;
}

describe('deployment-rollout-stuck', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(deploymentRolloutStuck, healthyCluster().objects)).toEqual([]);
  });

  it('reports ProgressDeadlineExceeded with a rollback', () => {
    const cluster = withConditions([
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: 'ReplicaSet "web-6b" has timed out progressing.',
      },
    ]);
    const [finding] = analyzeWith(deploymentRolloutStuck, cluster.objects);
    expect(finding?.message).toBe(
      'The rollout of Deployment shop/web failed: it made no progress for 600s (ProgressDeadlineExceeded)',
    );
    expect(finding?.proposedFix?.command).toBe('kubectl rollout undo deployment/web -n shop');
  });

  it('reports ReplicaFailure', () => {
    const cluster = withConditions([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'pods "web-6b-" is forbidden: exceeded quota',
      },
    ]);
    expect(analyzeWith(deploymentRolloutStuck, cluster.objects)[0]?.message).toBe(
      'Deployment shop/web cannot create its pods: pods "web-6b-" is forbidden: exceeded quota',
    );
  });

  it('reports a paused, half-done rollout', () => {
    const cluster = withConditions([], { paused: true });
    const [finding] = analyzeWith(deploymentRolloutStuck, cluster.objects);
    expect(finding?.severity).toBe('LOW');
    expect(finding?.proposedFix?.command).toBe('kubectl rollout resume deployment/web -n shop');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { replicaSetFailure } from './replicaSetFailure.js';

describe('replicaset-create-failed', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(replicaSetFailure, healthyCluster().objects)).toEqual([]);
  });

  it('ignores old FailedCreate events once every pod exists', () => {
    const cluster = healthyCluster();
    cluster.add(
      event(cluster.find('ReplicaSet', 'web-5d8f7'), 'Warning', 'FailedCreate', 'Error creating: exceeded quota'),
    );
    expect(analyzeWith(replicaSetFailure, cluster.objects)).toEqual([]);
  });

  it('reports FailedCreate events while pods are missing', () => {
    const cluster = healthyCluster();
    const rs = cluster.find('ReplicaSet', 'web-5d8f7');
    rs.status = { replicas: 1 };
    cluster.add(
      event(rs, 'Warning', 'FailedCreate', 'Error creating: pods "web-5d8f7-x" is forbidden: exceeded quota: compute'),
    );
    const [finding] = analyzeWith(replicaSetFailure, cluster.objects);
    expect(finding?.message).toBe(
      'ReplicaSet shop/web-5d8f7 cannot create pods: Error creating: pods "web-5d8f7-x" is forbidden: exceeded quota: compute',
    );
    expect(finding?.evidence[0]?.kind).toBe('event');
  });

  it('reports the ReplicaFailure condition', () => {
    const cluster = healthyCluster();
    const rs = cluster.find('ReplicaSet', 'web-5d8f7');
    (rs.status as Record<string, unknown>).conditions = [
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'serviceaccount "x" not found' },
    ];
    expect(analyzeWith(replicaSetFailure, cluster.objects)[0]?.message).toContain('serviceaccount "x" not found');
  });
});

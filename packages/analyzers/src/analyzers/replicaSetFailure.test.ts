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

  it('fixes what the refusal names: a missing ServiceAccount, a container outside a LimitRange', () => {
    const refused = (message: string) => {
      const cluster = healthyCluster();
      const rs = cluster.find('ReplicaSet', 'web-5d8f7');
      rs.status = { replicas: 0 };
      const deployment = cluster.find('Deployment', 'web') as {
        spec: { template: { spec: { containers: Record<string, unknown>[] } } };
      };
      deployment.spec.template.spec.containers[0]!.resources = { requests: { cpu: '1' }, limits: { cpu: '2' } };
      cluster.add(event(rs, 'Warning', 'FailedCreate', `Error creating: pods "web-5d8f7-x" is forbidden: ${message}`));
      return analyzeWith(replicaSetFailure, cluster.objects)[0]?.proposedFix;
    };
    expect(refused('error looking up service account shop/mailer: serviceaccount "mailer" not found')?.command).toBe(
      'kubectl create serviceaccount mailer -n shop',
    );
    const limits = refused('maximum cpu usage per Container is 500m, but limit is 2');
    expect(limits?.patch?.body).toEqual({
      spec: {
        template: {
          spec: { containers: [{ name: 'web', resources: { requests: { cpu: '500m' }, limits: { cpu: '500m' } } }] },
        },
      },
    });
    expect(refused('exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2')?.command).toBe(
      'kubectl describe resourcequota compute -n shop',
    );
  });
});

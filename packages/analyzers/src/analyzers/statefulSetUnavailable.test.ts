import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { statefulSetUnavailable } from './statefulSetUnavailable.js';

describe('statefulset-unavailable', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(statefulSetUnavailable, healthyCluster().objects)).toEqual([]);
  });

  it('reports missing ready replicas', () => {
    const cluster = healthyCluster();
    cluster.find('StatefulSet', 'db').status = { replicas: 1, readyReplicas: 0 };
    const [finding] = analyzeWith(statefulSetUnavailable, cluster.objects);
    expect(finding).toMatchObject({ severity: 'CRITICAL', message: 'StatefulSet shop/db has 0 of 1 replicas ready' });
  });

  it('reports a missing governing Service with a headless Service to create', () => {
    const cluster = healthyCluster().remove('Service', 'db');
    const [finding] = analyzeWith(statefulSetUnavailable, cluster.objects);
    expect(finding?.message).toBe('StatefulSet shop/db names governing Service "db", which does not exist');
    expect(finding?.proposedFix?.command).toContain('"clusterIP":"None"');
  });
});

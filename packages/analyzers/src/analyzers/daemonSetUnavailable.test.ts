import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { daemonSetUnavailable } from './daemonSetUnavailable.js';

function withStatus(status: Record<string, number>) {
  const cluster = healthyCluster();
  cluster.find('DaemonSet', 'agent').status = status;
  return cluster;
}

describe('daemonset-unavailable', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(daemonSetUnavailable, healthyCluster().objects)).toEqual([]);
  });

  it('reports unavailable pods', () => {
    const cluster = withStatus({ desiredNumberScheduled: 3, numberReady: 1, numberAvailable: 1, numberUnavailable: 2 });
    expect(analyzeWith(daemonSetUnavailable, cluster.objects)[0]?.message).toBe(
      'DaemonSet kube-system/agent has 2 of 3 pods unavailable',
    );
  });

  it('reports misscheduled pods', () => {
    const cluster = withStatus({
      desiredNumberScheduled: 1,
      numberReady: 1,
      numberAvailable: 1,
      numberMisscheduled: 1,
    });
    const findings = analyzeWith(daemonSetUnavailable, cluster.objects);
    expect(findings.map((f) => f.id)).toEqual(['daemonset-unavailable:daemonset/kube-system/agent:misscheduled']);
  });
});

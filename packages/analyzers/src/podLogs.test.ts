import { describe, expect, it } from 'vitest';
import { snapshotOf } from './__fixtures__/cluster.js';
import { healthyCluster } from './__fixtures__/healthyCluster.js';
import { logTailOf, logTargets, withPodLogs } from './podLogs.js';
import { indexSnapshot } from './snapshotIndex.js';

describe('pod log tails', () => {
  it('names crashing containers (previous run after a restart) and nothing in a healthy cluster', () => {
    const cluster = healthyCluster();
    expect(logTargets(snapshotOf(cluster.objects))).toEqual([]);
    const pod = cluster.find('Pod', 'db-0');
    (pod.status as Record<string, unknown>).containerStatuses = [
      { name: 'db', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
    ];
    (pod.status as Record<string, unknown>).initContainerStatuses = [
      { name: 'init', restartCount: 0, state: { terminated: { exitCode: 1 } } },
    ];
    expect(logTargets(snapshotOf(cluster.objects))).toEqual([
      { namespace: 'shop', pod: 'db-0', container: 'init', previous: false },
      { namespace: 'shop', pod: 'db-0', container: 'db', previous: true },
    ]);
  });

  it('carries tails in a copy of the snapshot, found again by pod and container', () => {
    const cluster = healthyCluster();
    const snapshot = snapshotOf(cluster.objects);
    const withLogs = withPodLogs(snapshot, [
      { namespace: 'shop', pod: 'db-0', container: 'db', previous: true, lines: ['FATAL: disk full'] },
    ]);
    expect(snapshot.objects.PodLog).toBeUndefined();
    const tail = logTailOf(indexSnapshot(withLogs), cluster.find('Pod', 'db-0'), 'db');
    expect(tail?.lines).toEqual(['FATAL: disk full']);
    expect(logTailOf(indexSnapshot(withLogs), cluster.find('Pod', 'db-0'), 'other')).toBeUndefined();
  });
});

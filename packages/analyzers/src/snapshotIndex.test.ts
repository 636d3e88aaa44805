import { describe, expect, it } from 'vitest';
import { event, obj, snapshotOf } from './__fixtures__/cluster.js';
import { healthyCluster } from './__fixtures__/healthyCluster.js';
import { indexSnapshot, MAX_EVENTS } from './snapshotIndex.js';

describe('indexSnapshot', () => {
  const cluster = healthyCluster();
  const web = cluster.find('Deployment', 'web');
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  cluster.add(
    obj('events.k8s.io/v1', 'Event', 'new-style', 'shop', {
      type: 'Warning',
      reason: 'Unhealthy',
      note: 'Readiness probe failed',
      eventTime: '2026-01-01T11:58:00.000000Z',
      regarding: { kind: 'Pod', name: pod.metadata.name, namespace: 'shop' },
    }),
  );
  const snapshot = snapshotOf(cluster.objects, ['Secret']);
  const index = indexSnapshot(snapshot);

  it('is built once per snapshot', () => {
    expect(indexSnapshot(snapshot)).toBe(index);
    expect(indexSnapshot({ ...snapshot })).not.toBe(index);
  });

  it('finds objects by kind and name, uid, owner and controller', () => {
    expect(index.get('Deployment', 'shop', 'web')).toBe(web);
    expect(index.get('Node', undefined, 'worker-1')?.kind).toBe('Node');
    expect(index.byUid(web.metadata.uid!)).toBe(web);
    expect(
      index
        .podsOf(web)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['web-5d8f7-abcde', 'web-5d8f7-fghij']);
    expect(index.controllerOf(pod)?.kind).toBe('ReplicaSet');
  });

  it('selects pods by label, treating an empty selector as none unless asked', () => {
    expect(index.selectPods('shop', { app: 'web' })).toHaveLength(2);
    expect(
      index.selectPods('shop', { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] }),
    ).toHaveLength(1);
    expect(index.selectPods('other', { app: 'web' })).toEqual([]);
    expect(index.selectPods('shop', {})).toEqual([]);
    expect(index.selectPods('shop', {}, true)).toHaveLength(3);
  });

  it('files core and events.k8s.io events under the object they are about, oldest first', () => {
    cluster.add(event(pod, 'Normal', 'Pulled', 'pulled'));
    const events = indexSnapshot(snapshotOf(cluster.objects)).eventsFor(pod);
    expect(events.map((e) => e.metadata.name.split('.')[0])).toEqual([
      'web-5d8f7-abcde',
      'web-5d8f7-abcde',
      'new-style',
    ]);
  });

  it('reads the most recent Events only, newest first, however many the namespace holds', () => {
    const noisy = healthyCluster();
    const target = noisy.find('Pod', 'web-5d8f7-abcde');
    const total = MAX_EVENTS + 2000;
    for (let i = 0; i < total; i++) {
      const at = new Date(Date.parse('2026-01-01T13:00:00Z') + i * 1000).toISOString();
      noisy.add(event(target, 'Warning', 'BackOff', `back-off ${i}`, { lastTimestamp: at }));
    }
    const big = indexSnapshot(snapshotOf(noisy.objects));
    const recent = big.recentEvents();
    expect(recent).toHaveLength(MAX_EVENTS);
    expect((recent[0] as { message?: string }).message).toBe(`back-off ${total - 1}`);
    const about = big.eventsFor(target);
    expect(about).toHaveLength(MAX_EVENTS);
    expect((about.at(-1) as { message?: string }).message).toBe(`back-off ${total - 1}`);
    expect((about[0] as { message?: string }).message).toBe(`back-off ${total - MAX_EVENTS}`);
  });

  it('knows which kinds were listed', () => {
    expect(index.listed('Secret')).toBe(true);
    expect(index.listed('Gadget')).toBe(false);
    expect(indexSnapshot({ ...snapshot, errors: [{ kind: 'Secret', error: 'forbidden' }] }).listed('Secret')).toBe(
      false,
    );
  });
});

describe('troubledPods', () => {
  it('keeps only pods that may hold a problem', () => {
    const cluster = healthyCluster();
    expect(indexSnapshot(snapshotOf(cluster.objects)).troubledPods()).toEqual([]);
    const restarted = cluster.find('Pod', 'web-5d8f7-abcde');
    (restarted.status as { containerStatuses: { restartCount: number }[] }).containerStatuses[0]!.restartCount = 1;
    const pending = cluster.find('Pod', 'db-0');
    pending.status = { phase: 'Pending' };
    const unready = cluster.find('Pod', 'web-5d8f7-fghij');
    (unready.status as { containerStatuses: { ready: boolean }[] }).containerStatuses[0]!.ready = false;
    const names = indexSnapshot(snapshotOf(cluster.objects))
      .troubledPods()
      .map((p) => p.metadata.name);
    expect(names.sort()).toEqual(['db-0', 'web-5d8f7-abcde', 'web-5d8f7-fghij']);
  });
});

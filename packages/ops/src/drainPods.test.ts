import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { drainPods, MIRROR_ANNOTATION } from './drainPods.js';

const owner = (kind: string, name: string) => ({
  apiVersion: 'apps/v1',
  kind,
  name,
  uid: `${name}-uid`,
  controller: true,
});
const pod = (name: string, extra: { meta?: object; spec?: object; status?: object } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'todo', ownerReferences: [owner('ReplicaSet', 'api-1')], ...extra.meta },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }], ...extra.spec },
  status: { phase: 'Running', ...extra.status },
});
const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

const daemon = pod('fluentd', { meta: { ownerReferences: [owner('DaemonSet', 'fluentd')] } });
const mirror = pod('etcd-n1', {
  meta: {
    annotations: { [MIRROR_ANNOTATION]: 'abc' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'n1', controller: true }],
  },
});
const scratch = pod('cache', { spec: { volumes: [{ name: 'tmp', emptyDir: {} }] } });
const bare = pod('debug', { meta: { ownerReferences: [] } });
const bareDone = pod('once', { meta: { ownerReferences: [] }, status: { phase: 'Succeeded' } });
const leaving = pod('old', { meta: { deletionTimestamp: '2026-01-01T00:00:00Z' } });
const api = pod('api-1-abc');

describe('drainPods', () => {
  it('evicts controlled pods and leaves DaemonSet, mirror and terminating pods with ignoreDaemonSets', () => {
    const sorted = drainPods([api, daemon, mirror, leaving, scratch, bareDone], {
      ignoreDaemonSets: true,
      deleteEmptyDirData: true,
    });
    expect(names(sorted.evict)).toEqual(['api-1-abc', 'cache', 'once']);
    expect(sorted.skipped.map((s) => [s.pod.metadata.name, s.why])).toEqual([
      ['fluentd', 'managed by DaemonSet fluentd'],
      ['etcd-n1', 'a mirror pod (a static pod of the kubelet)'],
      ['old', 'already terminating'],
    ]);
    expect(sorted.refused).toEqual([]);
  });

  it('refuses DaemonSet pods without ignoreDaemonSets, emptyDir without deleteEmptyDirData, and bare pods', () => {
    const sorted = drainPods([api, daemon, scratch, bare], { ignoreDaemonSets: false, deleteEmptyDirData: false });
    expect(names(sorted.evict)).toEqual(['api-1-abc']);
    expect(sorted.refused.map((r) => [r.pod.metadata.name, r.why])).toEqual([
      ['fluentd', 'managed by DaemonSet fluentd (drain ignoring DaemonSets)'],
      ['cache', 'uses emptyDir local storage (drain deleting emptyDir data)'],
      ['debug', expect.stringMatching(/^declares no controller, so it would not come back/)],
    ]);
  });

  it('counts only a controller owner reference, not any owner', () => {
    const owned = pod('x', { meta: { ownerReferences: [{ ...owner('ReplicaSet', 'r'), controller: false }] } });
    const { refused } = drainPods([owned], { ignoreDaemonSets: true, deleteEmptyDirData: true });
    expect(refused.map((r) => r.pod.metadata.name)).toEqual(['x']);
  });
});

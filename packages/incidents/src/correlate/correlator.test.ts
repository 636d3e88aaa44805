import type { ClusterSnapshot, KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { Correlator } from './correlator.js';
import type { Signal } from './signal.js';
import { snapshotTopology } from './topology.js';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function alert(
  fingerprint: string,
  labels: Record<string, string>,
  seconds = 0,
  state: Signal['state'] = 'FIRING',
): Signal {
  return {
    source: 'ALERT',
    fingerprint,
    title: labels.alertname ?? 'Alert',
    severity: labels.severity === 'critical' ? 'CRITICAL' : 'MEDIUM',
    state,
    labels,
    at: at(seconds),
    ...(labels.pod ? { resource: { kind: 'Pod', namespace: labels.namespace, name: labels.pod } } : {}),
  };
}

describe('Correlator', () => {
  it('turns a storm of 10,000 alerts on five workloads into five incidents', () => {
    const c = new Correlator();
    for (let i = 0; i < 10_000; i++) {
      const workload = `app-${i % 5}`;
      c.ingest(
        alert(
          `fp-${i % 2000}`,
          {
            alertname: ['HighErrorRate', 'PodCrashLooping', 'HighLatency'][i % 3] as string,
            namespace: 'shop',
            deployment: workload,
            pod: `${workload}-pod-${i % 40}`,
          },
          i / 200,
        ),
      );
    }
    expect(c.incidents.size).toBe(5);
    const sizes = [...c.incidents.values()].map((x) => x.signals.size);
    expect(sizes.reduce((a, b) => a + b)).toBe(2000);
  });

  it('deduplicates by fingerprint: a repeat updates the signal and opens nothing', () => {
    const c = new Correlator();
    const first = c.ingest(alert('a', { alertname: 'X', namespace: 'ns', deployment: 'web' }));
    const again = c.ingest(alert('a', { alertname: 'X', namespace: 'ns', deployment: 'web' }, 30));
    expect(first.kind).toBe('opened');
    expect(again).toMatchObject({ kind: 'repeated', incident: first.incident });
    expect(again.held?.repeats).toBe(1);
  });

  it('keeps unrelated workloads apart and raises severity with the blast radius', () => {
    const c = new Correlator();
    const a = c.ingest(alert('a', { alertname: 'X', namespace: 'ns', deployment: 'web' }));
    const b = c.ingest(alert('b', { alertname: 'X', namespace: 'ns', deployment: 'api' }));
    expect(a.incident).not.toBe(b.incident);
    // A node failing: its own signal, then pods of three workloads on it join the one incident.
    const node = c.ingest({
      ...alert('n', { alertname: 'NodeNotReady', node: 'worker-1' }),
      resource: { kind: 'Node', name: 'worker-1' },
    });
    for (const w of ['x', 'y', 'z'])
      c.ingest(
        alert(
          `p-${w}`,
          { alertname: 'PodNotReady', namespace: 'ns', deployment: w, node: 'worker-1', pod: `${w}-1` },
          10,
        ),
      );
    expect(node.incident?.signals.size).toBe(4);
    expect(node.incident?.severity).toBe('HIGH');
  });

  it('resolves only after every signal stayed clear for the hysteresis period, and a flap reopens the same incident', () => {
    const c = new Correlator({ resolveAfterMs: 300_000 });
    const labels = { alertname: 'X', namespace: 'ns', deployment: 'web' };
    const opened = c.ingest(alert('a', labels));
    const id = opened.incident?.id as string;
    expect(c.ingest(alert('a', labels, 60, 'CLEARED')).kind).toBe('cleared');
    expect(c.due(new Date(T0 + 200_000))).toEqual([]);
    expect(c.ingest(alert('a', labels, 200)).kind).toBe('refired');
    expect(c.due(new Date(T0 + 600_000))).toEqual([]);
    c.ingest(alert('a', labels, 300, 'CLEARED'));
    expect(c.due(new Date(T0 + 600_000)).map((x) => x.id)).toEqual([id]);
    c.resolve(id, at(600));
    // Flapping after resolution: ten fire/clear cycles reopen the same incident, never a new one.
    for (let i = 0; i < 10; i++) {
      c.ingest(alert('a', labels, 700 + i * 20));
      c.ingest(alert('a', labels, 710 + i * 20, 'CLEARED'));
    }
    expect(c.incidents.size).toBe(1);
    expect(c.incidents.get(id)?.reopened).toBe(1);
  });

  it('a cleared signal no incident holds is ignored', () => {
    expect(new Correlator().ingest(alert('z', { alertname: 'X' }, 0, 'CLEARED')).kind).toBe('ignored');
  });

  it('follows the snapshot: a pod, its Deployment and the Service selecting it form one incident', () => {
    const obj = (kind: string, name: string, { metadata, ...extra }: Record<string, unknown> = {}): KubeObject =>
      ({
        apiVersion: 'v1',
        kind,
        metadata: { name, namespace: 'todo', uid: `${kind}-${name}`, ...(metadata as object) },
        ...extra,
      }) as KubeObject;
    const deploy = obj('Deployment', 'backend', { spec: { template: { metadata: { labels: { app: 'backend' } } } } });
    const rs = obj('ReplicaSet', 'backend-7d9', {
      metadata: {
        ownerReferences: [{ kind: 'Deployment', name: 'backend', uid: 'Deployment-backend', controller: true }],
      },
    });
    const pod = obj('Pod', 'backend-7d9-x', {
      metadata: {
        labels: { app: 'backend' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'backend-7d9', uid: 'ReplicaSet-backend-7d9', controller: true }],
      },
      spec: { nodeName: 'n1' },
    });
    const svc = obj('Service', 'backend', { spec: { selector: { app: 'backend' } } });
    const snapshot = {
      objects: { Deployment: [deploy], ReplicaSet: [rs], Pod: [pod], Service: [svc] },
      errors: [],
      takenAt: at(0),
    } as unknown as ClusterSnapshot;
    const c = new Correlator({ topology: snapshotTopology(snapshot) });
    const s1 = c.ingest({
      ...alert('svc', { alertname: 'NoEndpoints' }),
      resource: { kind: 'Service', namespace: 'todo', name: 'backend' },
    });
    const s2 = c.ingest({
      ...alert('pod', { alertname: 'CrashLoop' }),
      resource: { kind: 'Pod', namespace: 'todo', name: 'backend-7d9-x' },
    });
    expect(s2.incident).toBe(s1.incident);
    expect(c.incidents.size).toBe(1);
    // A pod's cause belongs to its top-level workload (the root a signal's derived identity names); a Deployment's or
    // a Service's to itself.
    const podSignal = { ...alert('p', {}), resource: { kind: 'Pod', namespace: 'todo', name: 'backend-7d9-x' } };
    expect(c.rootOf(podSignal)).toEqual({ kind: 'Deployment', namespace: 'todo', name: 'backend' });
    expect(
      c.rootOf({ ...podSignal, resource: { kind: 'Service', namespace: 'todo', name: 'backend' } }),
    ).toBeUndefined();
    // A pod the snapshot does not hold: the workload its labels name.
    expect(
      c.rootOf({
        ...alert('q', { namespace: 'todo', statefulset: 'db' }),
        resource: { kind: 'Pod', namespace: 'todo', name: 'db-0' },
      }),
    ).toEqual({ kind: 'StatefulSet', namespace: 'todo', name: 'db' });
  });
});

import type { Finding } from '@opspilot/core';
import { runAnalyzers } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { ctx, event, obj, snapshotOf } from '../__fixtures__/cluster.js';
import { type FixtureCluster, healthyCluster } from '../__fixtures__/healthyCluster.js';
import { BUILTIN_ANALYZERS } from '../builtinAnalyzers.js';
import { groupFindings } from './groupFindings.js';

function analyze(cluster: FixtureCluster) {
  const snapshot = snapshotOf(
    cluster.objects,
    BUILTIN_ANALYZERS.flatMap((a) => a.kinds),
  );
  const { findings } = runAnalyzers([...BUILTIN_ANALYZERS], snapshot, ctx);
  return { findings, groups: groupFindings(findings, snapshot) };
}

function breakWebPods(cluster: FixtureCluster, status: Record<string, unknown>) {
  for (const name of ['web-5d8f7-abcde', 'web-5d8f7-fghij']) {
    const pod = cluster.find('Pod', name);
    pod.status = {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'web', image: 'nginx:1.27', ready: false, restartCount: 3, ...status }],
    };
  }
  cluster.find('Deployment', 'web').status = {
    replicas: 2,
    availableReplicas: 0,
    conditions: [
      {
        type: 'Available',
        status: 'False',
        reason: 'MinimumReplicasUnavailable',
        lastTransitionTime: '2026-01-01T11:00:00Z',
      },
    ],
  };
  cluster.find('Endpoints', 'web').subsets = [];
  return cluster;
}

const ids = (fs: Finding[]) => fs.map((f) => f.id).sort();

describe('groupFindings', () => {
  it('makes every finding its own group when nothing relates them', () => {
    const cluster = healthyCluster().add(obj('v1', 'ConfigMap', 'old', 'shop'));
    cluster.find('Node', 'worker-1').spec = { unschedulable: true };
    const { groups } = analyze(cluster);
    expect(groups.map((g) => [g.rootCause.analyzer, g.symptoms.length])).toEqual([
      ['node-unschedulable', 0],
      ['configmap-unused', 0],
    ]);
  });

  it('puts crashing pods at the root, with the Deployment and the Service without endpoints as symptoms', () => {
    const cluster = breakWebPods(healthyCluster(), {
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    const { groups } = analyze(cluster);
    const crash = groups.filter((g) => g.rootCause.analyzer === 'pod-crash-loop');
    expect(crash).toHaveLength(1);
    expect(crash[0]).toMatchObject({
      identity: 'pod-crash-loop:deployment/shop/web',
      class: 'pod-crash-loop',
      rootObject: { kind: 'Deployment', name: 'web', namespace: 'shop' },
      count: 2,
    });
    expect(crash[0]?.affected?.map((r) => r.name).sort()).toEqual(['web-5d8f7-abcde', 'web-5d8f7-fghij']);
    expect(crash[0]?.members).toHaveLength(2);
    const symptoms = crash.flatMap((g) => g.symptoms.map((s) => s.analyzer)).sort();
    expect(symptoms).toEqual(['deployment-unavailable', 'service-no-endpoints']);
    expect(groups.every((g) => g.rootCause.analyzer.startsWith('pod-'))).toBe(true);
    expect(crash[0]?.rootCause.rootCauseOf).toEqual(
      expect.arrayContaining(['deployment-unavailable:deployment/shop/web', 'service-no-endpoints:service/shop/web']),
    );
  });

  it('links a Deployment unavailable because its image cannot be pulled', () => {
    const cluster = breakWebPods(healthyCluster(), { state: { waiting: { reason: 'ImagePullBackOff' } } });
    const { groups } = analyze(cluster);
    const dep = groups.flatMap((g) => g.symptoms).find((s) => s.analyzer === 'deployment-unavailable');
    expect(dep).toBeDefined();
    const root = groups.find((g) => g.symptoms.includes(dep!));
    expect(root?.rootCause.analyzer).toBe('pod-image-pull');
    expect(root?.severity).toBe('CRITICAL');
  });

  it('follows a missing ConfigMap through the pods that cannot start', () => {
    const cluster = breakWebPods(healthyCluster(), {
      state: { waiting: { reason: 'CreateContainerConfigError', message: 'configmap "web-config" not found' } },
    }).remove('ConfigMap', 'web-config');
    const { groups, findings } = analyze(cluster);
    expect(groups.map((g) => g.rootCause.id)).toEqual(['configmap-missing:deployment/shop/web:web-config']);
    expect(groups[0]?.rootCause.analyzer).toBe('configmap-missing');
    expect(ids(groups[0]!.symptoms)).toEqual(ids(findings.filter((f) => f.analyzer !== 'configmap-missing')));
  });

  it('puts a node that is not ready above the pods on it, and a missing StorageClass above the pending pod', () => {
    const cluster = healthyCluster();
    (cluster.find('Node', 'worker-1').status as { conditions: unknown[] }).conditions = [
      { type: 'Ready', status: 'False', reason: 'KubeletNotReady' },
    ];
    const db0 = cluster.find('Pod', 'db-0');
    db0.status = {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'False', message: 'pod has unbound immediate PersistentVolumeClaims' },
      ],
    };
    delete (db0.spec as Record<string, unknown>).nodeName;
    const pvc = cluster.find('PersistentVolumeClaim', 'data-db-0');
    pvc.status = { phase: 'Pending' };
    (pvc.spec as Record<string, unknown>).storageClassName = 'fast';
    for (const name of ['web-5d8f7-abcde']) {
      (cluster.find('Pod', name).status as Record<string, unknown>).containerStatuses = [
        {
          name: 'web',
          ready: false,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1 } },
        },
      ];
    }
    const { groups } = analyze(cluster);
    const node = groups.find((g) => g.rootCause.analyzer === 'node-not-ready');
    expect(node?.symptoms.map((s) => s.analyzer)).toContain('pod-crash-loop');
    const storage = groups.find((g) => g.rootCause.analyzer === 'pvc-storage-class-missing');
    expect(storage?.symptoms.map((s) => s.analyzer)).toEqual(['pod-unschedulable']);
  });

  it('puts an exhausted quota above the ReplicaSet whose pods it refuses', () => {
    const cluster = healthyCluster();
    const rs = cluster.find('ReplicaSet', 'web-5d8f7');
    rs.status = { replicas: 1 };
    cluster.add(
      event(rs, 'Warning', 'FailedCreate', 'Error creating: pods "web-5d8f7-x" is forbidden: exceeded quota: compute'),
    );
    (cluster.find('ResourceQuota', 'compute').status as { used: Record<string, string> }).used = { pods: '20' };
    const { groups } = analyze(cluster);
    const quota = groups.find((g) => g.rootCause.analyzer === 'resourcequota-near-limit');
    expect(quota?.symptoms.map((s) => s.analyzer)).toEqual(['replicaset-create-failed']);
  });

  it('keeps an Ingress port mismatch apart from an unrelated node that is not Ready', () => {
    const cluster = healthyCluster();
    (cluster.find('Node', 'worker-1').status as { conditions: unknown[] }).conditions = [
      { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown' },
    ];
    const ing = cluster.find('Ingress', 'web');
    const rule = (ing.spec as { rules: { http: { paths: { backend: { service: { port: unknown } } }[] } }[] })
      .rules[0]!;
    rule.http.paths[0]!.backend.service.port = { number: 8080 };
    const { groups } = analyze(cluster);
    const ingress = groups.find((g) => g.rootCause.analyzer === 'ingress-backend-missing');
    expect(ingress).toBeDefined();
    const node = groups.find((g) => g.rootCause.analyzer === 'node-not-ready');
    expect(node?.symptoms.map((s) => s.analyzer) ?? []).not.toContain('ingress-backend-missing');
  });

  it('keeps a pod crash-looping on a node under disk pressure as a problem of its own', () => {
    const cluster = breakWebPods(healthyCluster(), {
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    const conditions = (cluster.find('Node', 'worker-1').status as { conditions: { type: string; status: string }[] })
      .conditions;
    conditions.find((c) => c.type === 'DiskPressure')!.status = 'True';
    const { groups } = analyze(cluster);
    const node = groups.find((g) => g.rootCause.analyzer === 'node-pressure');
    expect(node).toBeDefined();
    expect(node?.symptoms.map((s) => s.analyzer)).toEqual([]);
    const crash = groups.find((g) => g.rootCause.analyzer === 'pod-crash-loop');
    expect(crash?.symptoms.map((s) => s.analyzer).sort()).toEqual(['deployment-unavailable', 'service-no-endpoints']);
  });

  it('puts a node under pressure above the pods on it that show eviction or pressure', () => {
    const cluster = breakWebPods(healthyCluster(), {
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 137, reason: 'Error' } },
    });
    const conditions = (cluster.find('Node', 'worker-1').status as { conditions: { type: string; status: string }[] })
      .conditions;
    conditions.find((c) => c.type === 'MemoryPressure')!.status = 'True';
    for (const name of ['web-5d8f7-abcde', 'web-5d8f7-fghij'])
      cluster.add(event(cluster.find('Pod', name), 'Warning', 'Evicted', 'The node was low on resource: memory.'));
    const evicted = cluster.find('Pod', 'agent-x7k2p');
    evicted.status = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
    const { groups } = analyze(cluster);
    const node = groups.find((g) => g.rootCause.analyzer === 'node-pressure');
    const symptoms = node?.symptoms.map((s) => s.analyzer) ?? [];
    expect(symptoms).toContain('pod-crash-loop');
    expect(symptoms).toContain('pod-evicted');
    expect(groups.find((g) => g.rootCause.analyzer === 'pod-crash-loop')).toBeUndefined();
  });

  it('does not change its inputs', () => {
    const cluster = breakWebPods(healthyCluster(), { state: { waiting: { reason: 'ImagePullBackOff' } } });
    const { findings } = analyze(cluster);
    const before = JSON.stringify(findings);
    groupFindings(findings, snapshotOf(cluster.objects));
    expect(JSON.stringify(findings)).toBe(before);
  });

  it('follows causes down to the root: a Deployment short of pods its ReplicaSet may not create belongs to the quota', () => {
    const cluster = healthyCluster();
    const rs = cluster.find('ReplicaSet', 'web-5d8f7');
    rs.spec = { ...(rs.spec as object), replicas: 3 };
    rs.status = { replicas: 2 };
    const refusal =
      'Error creating: pods "web-5d8f7-x" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2';
    cluster.add(event(rs, 'Warning', 'FailedCreate', refusal));
    cluster.add(
      obj('v1', 'ResourceQuota', 'pods', 'shop', {
        spec: { hard: { pods: '2' } },
        status: { hard: { pods: '2' }, used: { pods: '2' } },
      }),
    );
    const deployment = cluster.find('Deployment', 'web');
    deployment.spec = { ...(deployment.spec as object), replicas: 3 };
    deployment.status = {
      replicas: 2,
      availableReplicas: 2,
      conditions: [
        {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          lastTransitionTime: '2026-01-01T11:00:00Z',
        },
      ],
    };
    const { groups } = analyze(cluster);
    const quota = groups.find((g) => g.class === 'resourcequota-near-limit');
    expect(quota?.symptoms.map((f) => f.analyzer).sort()).toEqual([
      'deployment-unavailable',
      'replicaset-create-failed',
    ]);
    expect(groups.filter((g) => g.class !== 'resourcequota-near-limit').map((g) => g.class)).toEqual([]);
  });
});

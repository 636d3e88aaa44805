import { describe, expect, it } from 'vitest';
import {
  deployment,
  PLANTED_WORKLOADS,
  plantedCluster,
  plantedObjects,
  secureNamespace,
} from '../__fixtures__/plantedObjects.js';
import { scanResources } from './scanResources.js';
import { objectRef } from './securityFinding.js';
import { liveResource } from './toResources.js';

const at = new Date('2026-03-01T00:00:00Z');
const scan = (objects = plantedCluster()) =>
  scanResources(
    objects.map((o, i) => liveResource(o, 'cluster:test', i)),
    { target: 'cluster:test', cluster: 'test', startedAt: at, id: 'scan-1' },
  );

describe('posture scan on planted violations', () => {
  const result = scan();
  const byObject = (ref: string) => result.findings.filter((f) => objectRef(f.object) === ref);

  it('finds nothing in the compliant namespace and scores it 100 at PSS restricted', () => {
    expect(result.findings.filter((f) => f.object.namespace === 'secure')).toEqual([]);
    const secure = result.namespaces.find((n) => n.namespace === 'secure');
    expect(secure).toMatchObject({ level: 'restricted', enforced: 'restricted', score: 100, findings: 0 });
  });

  it.each(PLANTED_WORKLOADS.map(([name, , check]) => [name, check]))('reports %s once, as %s', (name, check) => {
    expect(byObject(`Deployment/planted/${name}`).map((f) => f.check)).toEqual([check]);
  });

  it.each(plantedObjects().map(([ref, , check]) => [ref, check]))('reports %s once, as %s', (ref, check) => {
    const [kind, name] = ref.split('/');
    const full = kind === 'ClusterRoleBinding' ? ref : `${kind}/planted/${name}`;
    expect(byObject(full).map((f) => f.check)).toEqual([check]);
  });

  it('reports the namespace without NetworkPolicy once per workload', () => {
    expect(byObject('Deployment/open/exposed').map((f) => f.check)).toEqual(['network-policy-coverage']);
  });

  it('reports nothing else', () => {
    const expected = PLANTED_WORKLOADS.length + plantedObjects().length + 1;
    expect(result.findings).toHaveLength(expected);
    expect(result.counts.critical + result.counts.high + result.counts.medium + result.counts.low).toBe(expected);
  });

  it('gives the PSS level per namespace and what enforcing would break', () => {
    const planted = result.namespaces.find((n) => n.namespace === 'planted');
    expect(planted?.level).toBe('privileged');
    expect(planted?.wouldBreak.baseline.map((b) => b.object)).toContain('Deployment/planted/privileged');
    expect(planted?.wouldBreak.baseline.map((b) => b.object)).not.toContain('Deployment/planted/no-seccomp');
    expect(planted?.wouldBreak.restricted).toContainEqual({
      object: 'Deployment/planted/no-seccomp',
      controls: ['seccomp'],
    });
    expect(result.namespaces.find((n) => n.namespace === 'open')?.level).toBe('restricted');
  });

  it('says who can read Secrets and who holds cluster-admin', () => {
    expect(result.rbac).toContainEqual(
      expect.objectContaining({ subject: 'ServiceAccount/planted/nobody', permission: 'read-secrets' }),
    );
    expect(result.rbac).toContainEqual(
      expect.objectContaining({ subject: 'ServiceAccount/planted/ops', permission: 'cluster-admin' }),
    );
  });

  it('never quotes a literal secret in evidence', () => {
    expect(JSON.stringify(result.findings)).not.toContain('hunter2');
  });

  it('reports a hostPath volume a container mounts writable twice: the PSS control and the writable mount', () => {
    const d = deployment('secure', 'log-shipper', (p) => {
      p.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
      p.containers[0].volumeMounts = [{ name: 'logs', mountPath: '/host/log' }];
    });
    const r = scan([...secureNamespace(), d] as never);
    expect(r.findings.map((f) => [f.check, f.category, f.severity])).toEqual([
      ['pod-host-path-volume', 'pod-security', 'high'],
      ['pod-writable-host-mount', 'hardening', 'medium'],
    ]);
    const readOnly = deployment('secure', 'log-reader', (p) => {
      p.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
      p.containers[0].volumeMounts = [{ name: 'logs', mountPath: '/host/log', readOnly: true }];
    });
    expect(scan([...secureNamespace(), readOnly] as never).findings.map((f) => f.check)).toEqual([
      'pod-host-path-volume',
    ]);
  });

  it('leaves pods and ReplicaSets to the Deployment that owns them', () => {
    const d = deployment('secure', 'child', (p) => {
      p.hostNetwork = true;
    });
    const rs = {
      ...d,
      kind: 'ReplicaSet',
      metadata: {
        name: 'child-1',
        namespace: 'secure',
        ownerReferences: [{ kind: 'Deployment', name: 'child', controller: true }],
      },
    };
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'child-1-x',
        namespace: 'secure',
        ownerReferences: [{ kind: 'ReplicaSet', name: 'child-1', controller: true }],
      },
      spec: (d.spec as { template: { spec: unknown } }).template.spec,
    };
    const r = scan([...secureNamespace(), d, rs, pod] as never);
    expect(r.findings.map((f) => `${objectRef(f.object)} ${f.check}`)).toEqual([
      'Deployment/secure/child pod-host-network',
    ]);
  });
});

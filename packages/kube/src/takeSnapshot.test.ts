import { type KubeObject, NotAllowedError, objectsOf } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type GatewayFixture, runFor, startGateway } from './__fixtures__/startGateway.js';
import { createClusterGateway } from './createClusterGateway.js';
import { DEFAULT_SNAPSHOT_KINDS } from './kindTable.js';

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway({ scenario: 'demo' });
  await runFor(f, 10_000);
});
afterAll(async () => f?.sim.stop());

/** What the simulator's own store holds for a kind, optionally in one namespace. */
function storeCount(kind: string, namespace?: string): number {
  const type = f.sim.api.registry.all().find((t) => t.kind === kind && !t.storage);
  if (!type) throw new Error(`no type ${kind}`);
  return f.sim.store.list(type, namespace ? { namespace } : {}).items.length;
}

describe('snapshot', () => {
  it('lists every default kind of the demo scenario with the counts the cluster holds', async () => {
    const progress: Array<[number, number, string]> = [];
    const snapshot = await f.gateway.snapshot({
      onProgress: (done, total, kind) => progress.push([done, total, kind]),
    });
    const served = new Set(f.sim.api.registry.all().map((t) => t.kind));
    const unserved = DEFAULT_SNAPSHOT_KINDS.filter((k) => !served.has(k));
    // Kinds the simulator does not serve come back as per-kind errors, exactly as from a server without them.
    expect(snapshot.errors.map((e) => e.kind)).toEqual(unserved);
    expect(snapshot.errors.every((e) => e.error.startsWith('not found: the server does not serve'))).toBe(true);
    expect(Object.keys(snapshot.objects).sort()).toEqual(DEFAULT_SNAPSHOT_KINDS.filter((k) => served.has(k)).sort());
    for (const kind of ['Pod', 'Deployment', 'ReplicaSet', 'Service', 'Node', 'Namespace', 'ConfigMap', 'Secret']) {
      expect(objectsOf(snapshot, kind), kind).toHaveLength(storeCount(kind));
    }
    expect(objectsOf(snapshot, 'Deployment').map((d) => `${d.metadata.namespace}/${d.metadata.name}`)).toEqual(
      expect.arrayContaining(['todo/frontend', 'todo/backend']),
    );
    expect(objectsOf(snapshot, 'Pod').every((p) => p.kind === 'Pod' && p.apiVersion === 'v1')).toBe(true);
    expect(objectsOf(snapshot, 'StorageClass').map((s) => s.metadata.name)).toContain('standard');
    expect(progress).toHaveLength(DEFAULT_SNAPSHOT_KINDS.length);
    expect(progress.map(([done]) => done)).toEqual(DEFAULT_SNAPSHOT_KINDS.map((_, i) => i + 1));
    expect(progress.every(([, total]) => total === DEFAULT_SNAPSHOT_KINDS.length)).toBe(true);
    expect(snapshot.takenAt).toBe(f.clock.now().toISOString());
    expect(snapshot.cluster).toBe('opspilot-sim');
  });

  it('limits namespaced kinds to one namespace and still lists cluster-scoped ones', async () => {
    const snapshot = await f.gateway.snapshot({ namespace: 'todo', kinds: ['Pod', 'Service', 'Node'] });
    expect(objectsOf(snapshot, 'Pod')).toHaveLength(storeCount('Pod', 'todo'));
    expect(objectsOf(snapshot, 'Pod').every((p) => p.metadata.namespace === 'todo')).toBe(true);
    expect(objectsOf(snapshot, 'Node')).toHaveLength(3);
  });

  it('reports a kind it cannot list in errors and keeps the others', async () => {
    const snapshot = await f.gateway.snapshot({ kinds: ['Pod', 'VolumeAttachment', 'NoSuchKind', 'Deployment'] });
    expect(objectsOf(snapshot, 'Pod').length).toBeGreaterThan(0);
    expect(objectsOf(snapshot, 'Deployment').length).toBeGreaterThan(0);
    expect(snapshot.errors.map((e) => e.kind)).toEqual(['VolumeAttachment', 'NoSuchKind']);
    expect(snapshot.errors[0]?.error).toMatch(/^not found: the server does not serve volumeattachments/);
    expect(snapshot.errors[1]?.error).toMatch(/unknown kind "NoSuchKind"/);
  });

  it('reports kinds RBAC forbids as errors naming what to grant, and lists what it may', async () => {
    const objects: KubeObject[] = [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'viewer', namespace: 'todo' } },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'viewer-token',
          namespace: 'todo',
          annotations: { 'kubernetes.io/service-account.name': 'viewer' },
        },
        type: 'kubernetes.io/service-account-token',
        data: { token: Buffer.from('viewer-secret-token').toString('base64') },
      } as KubeObject,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'pod-reader', namespace: 'todo' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
      } as KubeObject,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'viewer-reads-pods', namespace: 'todo' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'todo' }],
      } as KubeObject,
    ];
    for (const object of objects) await f.gateway.apply(object);
    const kubeconfig = parse(f.sim.kubeconfig) as { users: Array<{ user: Record<string, unknown> }> };
    for (const u of kubeconfig.users) u.user.token = 'viewer-secret-token';
    const viewer = createClusterGateway({ kubeconfigYaml: stringify(kubeconfig), clock: f.clock });

    const snapshot = await viewer.snapshot({ namespace: 'todo', kinds: ['Pod', 'Secret', 'Node'] });
    expect(objectsOf(snapshot, 'Pod')).toHaveLength(storeCount('Pod', 'todo'));
    expect(snapshot.errors).toEqual([
      { kind: 'Secret', error: 'forbidden: cannot list secrets in namespace "todo": grant "list" on "secrets"' },
      { kind: 'Node', error: 'forbidden: cannot list nodes cluster-wide: grant "list" on "nodes"' },
    ]);
    const denied = await viewer
      .get({ kind: 'Secret', name: 'todo-secrets', namespace: 'todo' })
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(NotAllowedError);
    expect((denied as NotAllowedError).hint).toContain('"system:serviceaccount:todo:viewer"');
    expect((denied as NotAllowedError).hint).toContain('kubectl auth can-i get secrets -n todo');
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(f.gateway.snapshot({ signal: controller.signal })).rejects.toThrow();
  });
});

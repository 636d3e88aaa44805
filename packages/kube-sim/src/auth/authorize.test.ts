import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { createKubectl, type KubectlResult } from '../testing/index.js';

let sim: SimCluster;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

const rbac = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: team}
rules:
  - apiGroups: [""]
    resources: [pods, pods/log]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-reads-pods, namespace: team}
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: team
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: deploy-scaler}
rules:
  - apiGroups: [apps]
    resources: [deployments/scale]
    verbs: [update, patch]
    resourceNames: [backend]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-scale}
subjects:
  - kind: Group
    name: ops
    apiGroup: rbac.authorization.k8s.io
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deploy-scaler}
`;

beforeAll(async () => {
  sim = await startSimCluster({ controllers: false });
  kubectl = createKubectl(sim.kubeconfig);
  const created = await kubectl(['create', '-f', '-'], rbac);
  if (created.code !== 0) throw new Error(created.stderr);
}, 60_000);
afterAll(async () => sim?.stop());

async function canI(...args: string[]): Promise<string> {
  const r = await kubectl(['auth', 'can-i', ...args]);
  return `${r.stdout.trim()}:${r.code}`;
}

describe('kubectl auth can-i against the stored RBAC', () => {
  it('allows the admin everything', async () => {
    expect(await canI('delete', 'nodes')).toBe('yes:0');
  });

  it('evaluates a service account through its RoleBinding', async () => {
    const sa = ['--as', 'system:serviceaccount:team:ci'];
    expect(await canI('list', 'pods', '-n', 'team', ...sa)).toBe('yes:0');
    expect(await canI('get', 'pods/log', '-n', 'team', ...sa)).toBe('yes:0');
    expect(await canI('delete', 'pods', '-n', 'team', ...sa)).toBe('no:1');
    expect(await canI('list', 'pods', '-n', 'default', ...sa)).toBe('no:1');
    expect(await canI('list', 'secrets', '-n', 'team', ...sa)).toBe('no:1');
  });

  it('honours groups, subresources and resource names of cluster roles', async () => {
    const ops = ['--as', 'alice', '--as-group', 'ops'];
    expect(await canI('update', 'deployments.apps/backend', '--subresource=scale', '-n', 'todo', ...ops)).toBe('yes:0');
    expect(await canI('update', 'deployments.apps/frontend', '--subresource=scale', '-n', 'todo', ...ops)).toBe('no:1');
    expect(await canI('update', 'deployments.apps/backend', '--subresource=scale', '-n', 'todo', '--as', 'bob')).toBe(
      'no:1',
    );
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceAccountKubeconfig } from './clusterKubeconfig.js';
import { testConnection } from './testConnection.js';

/** A service account with no role at all, and one bound to `view` cluster-wide. */
const accounts = `apiVersion: v1
kind: Namespace
metadata: {name: ops}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: nobody, namespace: ops}
---
apiVersion: v1
kind: Secret
metadata: {name: nobody-token, namespace: ops, annotations: {kubernetes.io/service-account.name: nobody}}
type: kubernetes.io/service-account-token
stringData: {token: nobody-secret-token}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: watcher, namespace: ops}
---
apiVersion: v1
kind: Secret
metadata: {name: watcher-token, namespace: ops, annotations: {kubernetes.io/service-account.name: watcher}}
type: kubernetes.io/service-account-token
stringData: {token: watcher-secret-token}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-lister}
rules: [{apiGroups: [""], resources: [pods], verbs: [get, list, watch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: watcher-lists-pods}
subjects: [{kind: ServiceAccount, name: watcher, namespace: ops}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-lister}
`;

let sim: SimCluster;
let caPem: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-conn-'));
  writeFileSync(join(dir, 'accounts.yaml'), accounts);
  sim = await startSimCluster({ controllers: false, scenario: join(dir, 'accounts.yaml') });
  const doc = parse(sim.kubeconfig) as { clusters: Array<{ cluster: Record<string, string> }> };
  caPem = Buffer.from(doc.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64').toString('utf8');
}, 60_000);
afterAll(async () => sim?.stop());

const account = (token: string, extra: { caPem?: string; server?: string } = {}) =>
  serviceAccountKubeconfig({ name: 'target', server: extra.server ?? sim.url, token, caPem: extra.caPem ?? caPem });

describe('testConnection', { timeout: 30_000 }, () => {
  it('passes for the admin kubeconfig and a service account allowed to list pods, with the version', async () => {
    const admin = await testConnection({ kubeconfigYaml: sim.kubeconfig });
    expect(admin).toMatchObject({ ok: true, reachable: true, authenticated: true, can_list_pods: true });
    expect(admin.version).toMatch(/^v1\.\d+/);
    const watcher = await testConnection({ kubeconfigYaml: account('watcher-secret-token') });
    expect(watcher).toMatchObject({ ok: true, server: sim.url, can_list_pods: true });
    expect(watcher.failure).toBeUndefined();
  });

  it('says FORBIDDEN with a hint when RBAC does not let the account list pods', async () => {
    const result = await testConnection({ kubeconfigYaml: account('nobody-secret-token') });
    expect(result).toMatchObject({ ok: false, reachable: true, authenticated: true, can_list_pods: false });
    expect(result.failure?.type).toBe('FORBIDDEN');
    expect(result.failure?.hint).toMatch(/ClusterRole/);
  });

  it('says UNAUTHORIZED for a wrong or expired token', async () => {
    const result = await testConnection({ kubeconfigYaml: account('not-a-token') });
    expect(result).toMatchObject({ ok: false, reachable: true, authenticated: false });
    expect(result.failure?.type).toBe('UNAUTHORIZED');
    expect(result.failure?.message).toMatch(/401/);
    expect(result.failure?.hint).toMatch(/expired/);
  });

  it('says TLS when the CA does not match the server certificate', async () => {
    const other = await startSimCluster({ controllers: false });
    try {
      const otherCa = parse(other.kubeconfig).clusters[0].cluster['certificate-authority-data'];
      const pem = Buffer.from(otherCa, 'base64').toString('utf8');
      const result = await testConnection({ kubeconfigYaml: account(sim.token, { caPem: pem }) });
      expect(result.failure?.type).toBe('TLS');
      expect(result.failure?.hint).toMatch(/certificate-authority/);
    } finally {
      await other.stop();
    }
  });

  it('says UNREACHABLE when nothing listens, and CONFIG for a kubeconfig that does not load', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    const result = await testConnection({
      kubeconfigYaml: account(sim.token, { server: `https://127.0.0.1:${port}` }),
    });
    expect(result).toMatchObject({ ok: false, reachable: false });
    expect(result.failure?.type).toBe('UNREACHABLE');
    expect(result.failure?.hint).toBeTruthy();
    const broken = await testConnection({ kubeconfigYaml: 'clusters: [' });
    expect(broken.failure?.type).toBe('CONFIG');
  });
});

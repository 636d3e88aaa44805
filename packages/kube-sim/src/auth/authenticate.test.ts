import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { apiRequest, createKubectl, type KubectlResult } from '../testing/index.js';

let sim: SimCluster;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

const setup = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ci, namespace: team}
---
apiVersion: v1
kind: Secret
metadata:
  name: ci-token
  namespace: team
  annotations: {kubernetes.io/service-account.name: ci}
type: kubernetes.io/service-account-token
stringData: {token: ci-secret-token}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: team}
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-reads-pods, namespace: team}
subjects: [{kind: ServiceAccount, name: ci, namespace: team}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
`;

beforeAll(async () => {
  sim = await startSimCluster({ controllers: false });
  kubectl = createKubectl(sim.kubeconfig);
  const created = await kubectl(['create', '-f', '-'], setup);
  if (created.code !== 0) throw new Error(created.stderr);
}, 60_000);
afterAll(async () => sim?.stop());

const ci = ['--as', 'system:serviceaccount:team:ci'];

describe('requests authorized by RBAC', () => {
  it('refuses an impersonated service account what its roles do not grant, with the real 403', async () => {
    const denied = await kubectl(['get', 'pods', '-n', 'default', ...ci]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:team:ci" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    const named = await kubectl(['delete', 'sa', 'ci', '-n', 'team', ...ci]);
    expect(named.stderr).toContain(
      'serviceaccounts "ci" is forbidden: User "system:serviceaccount:team:ci" cannot delete resource "serviceaccounts" in API group "" in the namespace "team"',
    );
    const cluster = await kubectl(['get', 'deployments.apps', '-A', '--as', 'alice', '--as-group', 'dev']);
    expect(cluster.stderr).toContain(
      'deployments.apps is forbidden: User "alice" cannot list resource "deployments" in API group "apps" at the cluster scope',
    );
    expect(sim.api.requests.list().at(-1)).toMatchObject({ user: 'alice', code: 403 });
  });

  it('allows what the bindings grant, and the admin everything', async () => {
    const allowed = await kubectl(['get', 'pods', '-n', 'team', ...ci]);
    expect(allowed).toMatchObject({ code: 0, stderr: 'No resources found in team namespace.\n' });
    expect((await kubectl(['get', 'nodes', '-o', 'name'])).stdout).toContain('node/sim-control-plane');
  });

  it('authenticates a service-account token from the kubeconfig and refuses it impersonation', async () => {
    const config = parse(sim.kubeconfig);
    config.users[0].user.token = 'ci-secret-token';
    const asCi = createKubectl(stringify(config));
    expect((await asCi(['get', 'pods', '-n', 'team'])).code).toBe(0);
    expect((await asCi(['get', 'secrets', '-n', 'team'])).stderr).toContain(
      'secrets is forbidden: User "system:serviceaccount:team:ci" cannot list resource "secrets" in API group "" in the namespace "team"',
    );
    expect((await asCi(['get', 'pods', '-n', 'team', '--as', 'system:admin'])).stderr).toContain(
      'users "system:admin" is forbidden: User "system:serviceaccount:team:ci" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    expect((await asCi(['auth', 'can-i', 'list', 'pods', '-n', 'team'])).stdout.trim()).toBe('yes');
  });
});

describe('authentication', () => {
  it('refuses a bearer token no authenticator knows with the real 401, and keeps the generated admin token', async () => {
    const config = parse(sim.kubeconfig);
    config.users[0].user.token = 'not-a-known-token';
    const stranger = createKubectl(stringify(config));
    const refused = await stranger(['get', 'pods', '-n', 'team']);
    expect(refused.code).toBe(1);
    // kubectl's discovery meets the 401 first, so it prints client-go's wording of an Unauthorized Status.
    expect(refused.stderr).toMatch(
      /error: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)/,
    );
    expect(sim.api.requests.list().at(-1)).toMatchObject({ bearerToken: true, code: 401 });
    const raw = await stranger(['get', '--raw', '/api/v1/namespaces/team']);
    expect(raw.stderr).toContain('Unauthorized');
    expect((await kubectl(['get', 'namespaces', 'team', '-o', 'name'])).stdout.trim()).toBe('namespace/team');
  });
});

describe('credentials are required', () => {
  it('writes a token generated at random on every start into the kubeconfig', async () => {
    const token = parse(sim.kubeconfig).users[0].user.token as string;
    expect(token).toBe(sim.token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await kubectl(['get', 'pods', '-n', 'team'])).code).toBe(0);
    const other = await startSimCluster({ tls: false, controllers: false });
    try {
      expect(other.token).not.toBe(sim.token);
      expect(parse(other.kubeconfig).users[0].user.token).toBe(other.token);
    } finally {
      await other.stop();
    }
  });

  it('answers a request without credentials, with another scheme or with an old fixed token 401', async () => {
    const plain = await startSimCluster({ tls: false, controllers: false, scenario: 'demo' });
    try {
      const unauthorized = { kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 };
      for (const path of ['/api/v1/namespaces/todo/secrets', '/api/v1/namespaces/todo/secrets/todo-secrets', '/apis']) {
        const r = await apiRequest(plain.url, path);
        expect(r.code, path).toBe(401);
        expect(r.json).toMatchObject(unauthorized);
        expect(r.text).not.toContain('todo-secrets');
      }
      const write = await apiRequest(plain.url, '/api/v1/namespaces/default/configmaps', {
        method: 'POST',
        body: { metadata: { name: 'anonymous' } },
      });
      expect(write.code).toBe(401);
      for (const authorization of [
        'Bearer opspilot-sim-admin',
        `Basic ${Buffer.from('admin:admin').toString('base64')}`,
      ]) {
        const res = await fetch(`${plain.url}/api/v1/namespaces`, { headers: { Authorization: authorization } });
        expect(res.status, authorization).toBe(401);
      }
      expect((await apiRequest(plain.url, '/readyz')).code).toBe(200);
      expect((await apiRequest(plain, '/api/v1/namespaces/todo/secrets')).code).toBe(200);
      expect(plain.api.requests.list().at(-2)).toMatchObject({ bearerToken: false, code: 200, path: '/readyz' });
    } finally {
      await plain.stop();
    }
  });

  it('serves requests without credentials as the admin only when started with insecureAnonymous', async () => {
    const open = await startSimCluster({ tls: false, controllers: false, insecureAnonymous: true });
    try {
      expect((await apiRequest(open.url, '/api/v1/namespaces/default/secrets')).code).toBe(200);
      expect(open.api.requests.list().at(-1)).toMatchObject({ user: 'kubernetes-admin', bearerToken: false });
      expect((await apiRequest(open.url, '/api/v1/namespaces', { method: 'GET' })).code).toBe(200);
      const stranger = await fetch(`${open.url}/api/v1/namespaces`, { headers: { Authorization: 'Bearer nope' } });
      expect(stranger.status).toBe(401);
    } finally {
      await open.stop();
    }
  });
});

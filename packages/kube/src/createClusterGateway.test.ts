import { createServer } from 'node:net';
import { ConflictError, InputError, type KubeObject, NotFoundError, UpstreamError } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type GatewayFixture, startGateway } from './__fixtures__/startGateway.js';
import { createClusterGateway } from './createClusterGateway.js';
import { builtinKind } from './kindTable.js';
import { KubeClient } from './kubeClient.js';
import { listObjects } from './listObjects.js';
import { startConnectionCounter } from './testing/index.js';

let https: GatewayFixture;
let http: GatewayFixture;
beforeAll(async () => {
  [https, http] = await Promise.all([
    startGateway({ scenario: 'demo' }, 'todo'),
    startGateway({ tls: false, scenario: 'demo' }),
  ]);
});
afterAll(async () => {
  await Promise.all([https?.sim.stop(), http?.sim.stop()]);
});

/** The kubeconfig of `yaml` with its cluster's server replaced. */
function withServer(yaml: string, server: string): string {
  const doc = parse(yaml) as { clusters: Array<{ cluster: Record<string, unknown> }> };
  for (const c of doc.clusters) c.cluster.server = server;
  return stringify(doc);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createClusterGateway', () => {
  it('uses the context, server and namespace it resolved', async () => {
    expect(https.gateway.config).toMatchObject({ context: 'opspilot-sim', server: https.sim.url, namespace: 'todo' });
    const backend = await https.gateway.get({ kind: 'Deployment', name: 'backend' });
    expect(backend?.metadata.namespace).toBe('todo');
  });

  it('works over plain HTTP', async () => {
    expect(http.sim.url.startsWith('http://')).toBe(true);
    const pods = await http.gateway.list('Pod', { namespace: 'kube-system' });
    expect(pods.length).toBeGreaterThan(0);
    const withoutSkip = parse(http.sim.kubeconfig) as { clusters: Array<{ cluster: Record<string, unknown> }> };
    for (const c of withoutSkip.clusters) delete c.cluster['insecure-skip-tls-verify'];
    const gateway = createClusterGateway({ kubeconfigYaml: stringify(withoutSkip) });
    expect((await gateway.list('Namespace')).map((n) => n.metadata.name)).toContain('todo');
  });

  it('pages through long lists with limit and continue', async () => {
    for (let i = 0; i < 7; i++) {
      await https.gateway.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `page-${i}`, labels: { paged: 'yes' } },
      });
    }
    const names = Array.from({ length: 7 }, (_, i) => `page-${i}`);
    const all = await https.gateway.list('ConfigMap', { namespace: 'todo', labelSelector: 'paged=yes' });
    expect(all.map((c) => c.metadata.name).sort()).toEqual(names);

    const ctx = {
      client: KubeClient.create(https.gateway.config.kubeConfig),
      config: https.gateway.config,
      clock: https.clock,
    };
    const before = https.sim.api.requests.list().length;
    const paged = await listObjects(ctx, builtinKind('ConfigMap')!, {
      namespace: 'todo',
      labelSelector: 'paged=yes',
      pageSize: 2,
    });
    expect(paged.map((c) => c.metadata.name).sort()).toEqual(names);
    const requests = https.sim.api.requests.list().slice(before);
    expect(requests).toHaveLength(4);
    expect(requests.slice(1).every((r) => r.path.includes('continue='))).toBe(true);
  });

  it('reaches custom resources through discovery once their CRD is installed', async () => {
    await https.gateway.apply({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    });
    const widget = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w1' },
      spec: { size: 3 },
    } as KubeObject;
    const applied = await https.gateway.apply(widget);
    expect(applied.metadata.namespace).toBe('todo');
    expect((await https.gateway.get({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'w1' }))?.spec).toEqual({
      size: 3,
    });
    const listed = await https.gateway.list('example.com/v1/Widget', { namespace: 'todo' });
    expect(listed.map((w) => `${w.kind} ${w.metadata.name}`)).toEqual(['Widget w1']);
    const snapshot = await https.gateway.snapshot({ namespace: 'todo', kinds: ['example.com/v1/Widget'] });
    expect(snapshot.objects.Widget).toHaveLength(1);
  });

  it('watches changes from now on (no replay of what exists) until aborted', async () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched', namespace: 'todo' } };
    await https.gateway.apply(cm);
    const seen: string[] = [];
    const controller = new AbortController();
    const watching = https.gateway.watch('ConfigMap', { namespace: 'todo', signal: controller.signal }, (e) => {
      if (e.type !== 'BOOKMARK') seen.push(`${e.type} ${e.object.metadata.name}`);
    });
    // The watch connects in the background: change the object until a change comes through, then delete it.
    for (let i = 0; i < 250 && seen.length === 0; i++) {
      await https.gateway.apply({ ...cm, data: { n: String(i) } } as KubeObject);
      await new Promise((r) => setTimeout(r, 20));
    }
    await https.gateway.delete({ kind: 'ConfigMap', name: 'watched', namespace: 'todo' });
    await expect.poll(() => seen, { timeout: 15_000 }).toContain('DELETED watched');
    controller.abort();
    await watching;
    expect(seen.at(-1)).toBe('DELETED watched');
    expect(seen.slice(0, -1).every((s) => s === 'MODIFIED watched')).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe('closing a gateway', () => {
  it('closes its kept-alive connections; a gateway reused for many reads keeps them bounded', async () => {
    const relay = await startConnectionCounter(https.sim.url);
    try {
      const gateway = createClusterGateway({
        kubeconfigYaml: withServer(https.sim.kubeconfig, `https://${relay.address}`),
      });
      for (let i = 0; i < 20; i++) await gateway.list('Namespace');
      expect(relay.total()).toBe(1);
      expect(relay.open()).toBe(1);
      gateway.close();
      await expect.poll(relay.open).toBe(0);
    } finally {
      await relay.close();
    }
  });
});

describe('typed errors', () => {
  it('an unreachable server is a retryable UpstreamError naming it', async () => {
    const server = `https://127.0.0.1:${await closedPort()}`;
    const gateway = createClusterGateway({ kubeconfigYaml: withServer(https.sim.kubeconfig, server) });
    const error = await gateway.list('Pod').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).retryable).toBe(true);
    expect((error as UpstreamError).message).toContain(server);
    expect((error as UpstreamError).hint).toContain('kubectl cluster-info');
  });

  it('a certificate from another CA is a TLS error with a hint about the CA', async () => {
    const other = await startSimCluster();
    try {
      const gateway = createClusterGateway({ kubeconfigYaml: withServer(https.sim.kubeconfig, other.url) });
      const error = await gateway.get({ kind: 'Namespace', name: 'default' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).retryable).toBe(false);
      expect((error as UpstreamError).message).toMatch(/^TLS handshake with https:\/\/127\.0\.0\.1/);
      expect((error as UpstreamError).hint).toMatch(/certificate-authority.*insecure-skip-tls-verify/);
    } finally {
      await other.stop();
    }
  });

  it('https:// to a plain HTTP port says the server does not answer TLS', async () => {
    const server = http.sim.url.replace('http://', 'https://');
    const gateway = createClusterGateway({ kubeconfigYaml: withServer(https.sim.kubeconfig, server) });
    const error = await gateway.list('Namespace').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).hint).toContain(`${server} does not answer TLS`);
  });

  it('a missing object: undefined from get, NotFoundError from writes, naming kind, name and namespace', async () => {
    expect(await https.gateway.get({ kind: 'Deployment', name: 'ghost' })).toBeUndefined();
    const error = await https.gateway.scale({ kind: 'Deployment', name: 'ghost' }, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('Deployment "ghost" not found in namespace "todo"');
    expect((error as NotFoundError).hint).toContain('kubectl get deployments -n todo');
  });

  it('a missing namespace is a NotFoundError suggesting to create it', async () => {
    const error = await https.gateway
      .apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'nowhere' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('namespaces "nowhere" not found');
    expect((error as NotFoundError).hint).toContain('kubectl create namespace nowhere');
  });

  it('an existing object created twice is a ConflictError; an invalid one an InputError with causes', async () => {
    const stale = await https.gateway.get({ kind: 'ConfigMap', name: 'todo-config' });
    await https.gateway.apply({ ...stale!, metadata: { ...stale!.metadata }, data: { changed: 'yes' } } as KubeObject);
    const conflict = await https.gateway.apply(stale!).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    const invalid = await https.gateway.scale({ kind: 'Deployment', name: 'backend' }, 1.5).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InputError);
  });

  it('an unknown kind is a NotFoundError pointing at api-resources', async () => {
    const error = await https.gateway.list('Gadget').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const crd = await https.gateway
      .get({ kind: 'Gadget', name: 'g', apiVersion: 'example.com/v1' })
      .catch((e: unknown) => e);
    expect(crd).toBeInstanceOf(NotFoundError);
    expect((crd as NotFoundError).hint).toContain('kubectl api-resources');
  });
});

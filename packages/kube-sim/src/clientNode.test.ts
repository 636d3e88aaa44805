import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';

let sim: SimCluster;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;
let kc: k8s.KubeConfig;

beforeAll(async () => {
  sim = await startSimCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
  apps = kc.makeApiClient(k8s.AppsV1Api);
});
afterAll(async () => sim?.stop());

const deployment = (name: string): k8s.V1Deployment => ({
  metadata: { name, labels: { app: name } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    },
  },
});

function statusOf(error: unknown): { code: number; body: { reason?: string; message?: string } } {
  const e = error as k8s.ApiException<string>;
  return { code: e.code, body: JSON.parse(e.body) };
}

/**
 * Reads the Deployment, changes it and replaces it, reading again on 409 Conflict as clients do: the deployment
 * controller may write the status in between, which moves the resourceVersion.
 */
async function replaceDeployment(
  name: string,
  namespace: string,
  change: (d: k8s.V1Deployment) => k8s.V1Deployment,
): Promise<{ read: k8s.V1Deployment; replaced: k8s.V1Deployment }> {
  for (let attempt = 0; ; attempt++) {
    const read = await apps.readNamespacedDeployment({ name, namespace });
    const replaced = await apps
      .replaceNamespacedDeployment({ name, namespace, body: change(structuredClone(read)) })
      .catch((e: unknown) => e);
    if (!(replaced instanceof Error)) return { read, replaced: replaced as k8s.V1Deployment };
    if (statusOf(replaced).code !== 409 || attempt >= 5) throw replaced;
  }
}

describe('the real @kubernetes/client-node over HTTPS', () => {
  it('lists the seeded namespaces and nodes', async () => {
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['default', 'kube-system']));
    const nodes = await core.listNode();
    expect(nodes.items).toHaveLength(3);
    expect(nodes.items[0]?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('creates, reads, replaces and deletes with defaults applied', async () => {
    await core.createNamespace({ body: { metadata: { name: 'todo' } } });
    const created = await apps.createNamespacedDeployment({ namespace: 'todo', body: deployment('backend') });
    expect(created.metadata?.generation).toBe(1);
    expect(created.spec?.strategy?.type).toBe('RollingUpdate');
    expect(created.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    const { read, replaced } = await replaceDeployment('backend', 'todo', (d) => ({
      ...d,
      spec: { ...d.spec!, replicas: 3 },
    }));
    expect(replaced.metadata?.generation).toBe(2);
    expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(read.metadata?.resourceVersion));
    await apps.deleteNamespacedDeployment({ name: 'backend', namespace: 'todo' });
    const missing = await apps
      .readNamespacedDeployment({ name: 'backend', namespace: 'todo' })
      .catch((e: unknown) => e);
    expect(statusOf(missing)).toMatchObject({
      code: 404,
      body: { reason: 'NotFound', message: 'deployments.apps "backend" not found' },
    });
  });

  it('answers a stale resourceVersion with 409 Conflict and a duplicate with AlreadyExists', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('api') });
    const first = await apps.readNamespacedDeployment({ name: 'api', namespace: 'default' });
    await replaceDeployment('api', 'default', (d) => ({ ...d, spec: { ...d.spec!, replicas: 5 } }));
    const stale = await apps
      .replaceNamespacedDeployment({ name: 'api', namespace: 'default', body: first })
      .catch((e: unknown) => e);
    expect(statusOf(stale).code).toBe(409);
    expect(statusOf(stale).body.message).toContain('the object has been modified');
    const dup = await apps
      .createNamespacedDeployment({ namespace: 'default', body: deployment('api') })
      .catch((e: unknown) => e);
    expect(statusOf(dup).body.reason).toBe('AlreadyExists');
  });

  it('refuses an invalid name with 422 and a missing namespace with 404', async () => {
    const bad = await core
      .createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'Bad_Name' } } })
      .catch((e: unknown) => e);
    expect(statusOf(bad)).toMatchObject({ code: 422, body: { reason: 'Invalid' } });
    const noNs = await core
      .createNamespacedConfigMap({ namespace: 'nowhere', body: { metadata: { name: 'x' } } })
      .catch((e: unknown) => e);
    expect(statusOf(noNs)).toMatchObject({ code: 404, body: { message: 'namespaces "nowhere" not found' } });
  });

  it('patches with merge, JSON and strategic patches and scales', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web') });
    const merge = await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'default', body: { metadata: { labels: { tier: 'front' } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merge.metadata?.labels).toEqual({ app: 'web', tier: 'front' });
    const json = await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: 4 }] },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
    expect(json.spec?.replicas).toBe(4);
    const strategic = await apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'default',
        body: { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } } } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    expect(strategic.spec?.template.spec?.containers[0]).toMatchObject({
      image: 'nginx:1.28',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
    const scale = await apps.replaceNamespacedDeploymentScale({
      name: 'web',
      namespace: 'default',
      body: { metadata: { name: 'web' }, spec: { replicas: 1 } },
    });
    expect(scale.spec?.replicas).toBe(1);
    expect((await apps.readNamespacedDeployment({ name: 'web', namespace: 'default' })).spec?.replicas).toBe(1);
  });

  it('streams watch events to client-node Watch', async () => {
    const watch = new k8s.Watch(kc);
    const seen: string[] = [];
    // From the list's resourceVersion the watch gets exactly the changes below, however late it opens.
    const { resourceVersion } = (await core.listNamespacedConfigMap({ namespace: 'default' })).metadata ?? {};
    const req = await watch.watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion },
      (type, obj: k8s.V1ConfigMap) => seen.push(`${type}:${obj.metadata?.name}`),
      () => {},
    );
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'watched' }, data: { a: '1' } },
    });
    await core.patchNamespacedConfigMap(
      { name: 'watched', namespace: 'default', body: { data: { a: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await core.deleteNamespacedConfigMap({ name: 'watched', namespace: 'default' });
    await expect
      .poll(() => seen, { timeout: 10_000 })
      .toEqual(['ADDED:watched', 'MODIFIED:watched', 'DELETED:watched']);
    req.abort();
  });

  it('serves KubernetesObjectApi through legacy discovery, including server-side apply', async () => {
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'applied', namespace: 'default' },
      data: { k: 'v' },
    };
    const created = await objects.patch(
      cm,
      undefined,
      undefined,
      'opspilot',
      undefined,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect((created as k8s.V1ConfigMap).metadata?.managedFields?.[0]?.manager).toBe('opspilot');
    const read = await objects.read({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'applied', namespace: 'default' },
    });
    expect((read as k8s.V1ConfigMap).data).toEqual({ k: 'v' });
  });

  it('pages lists with limit and continue, filtered by label selector', async () => {
    for (const n of [1, 2, 3]) {
      await core.createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: `paged-${n}`, labels: { paged: 'yes' } } },
      });
    }
    const first = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'paged=yes', limit: 2 });
    expect(first.items.map((c) => c.metadata?.name)).toEqual(['paged-1', 'paged-2']);
    expect(first.metadata?.remainingItemCount).toBe(1);
    const rest = await core.listNamespacedConfigMap({
      namespace: 'default',
      labelSelector: 'paged=yes',
      limit: 2,
      _continue: first.metadata?._continue,
    });
    expect(rest.items.map((c) => c.metadata?.name)).toEqual(['paged-3']);
  });

  it('keeps an informer cache in sync through list, watch and bookmarks', async () => {
    const path = '/api/v1/namespaces/default/secrets';
    const informer = k8s.makeInformer(kc, path, () => core.listNamespacedSecret({ namespace: 'default' }));
    const added: string[] = [];
    informer.on(k8s.ADD, (s: k8s.V1Secret) => added.push(s.metadata?.name ?? ''));
    await informer.start();
    await core.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'seen' }, stringData: { a: 'b' } },
    });
    await expect.poll(() => added, { timeout: 10_000 }).toContain('seen');
    await informer.stop();
    expect(informer.list('default').find((s) => s.metadata?.name === 'seen')?.data).toEqual({ a: 'Yg==' });
  });

  it('records who sent each request, with the bearer token of the kubeconfig', async () => {
    await core.readNamespace({ name: 'kube-system' });
    const record = sim.api.requests.list().find((r) => r.path === '/api/v1/namespaces/kube-system');
    expect(record).toMatchObject({ user: 'kubernetes-admin', bearerToken: true, method: 'GET', code: 200 });
    expect(record?.groups).toContain('system:masters');
  });
});

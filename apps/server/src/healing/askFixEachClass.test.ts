import type { KubeObject } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askFixHarness, deployment, namespace } from './__fixtures__/askFixHarness.js';

// biome-ignore lint/suspicious/noExplicitAny: objects read back from the cluster, checked field by field
type Json = Record<string, any>;
let h: Awaited<ReturnType<typeof askFixHarness>>;
beforeAll(async () => {
  h = await askFixHarness();
});
afterAll(() => h?.stop());

const live = async (kind: string, name: string, ns?: string) =>
  (await h.gateway.get({ kind, name, ...(ns ? { namespace: ns } : {}) })) as Json | undefined;
const container = async (name: string, ns: string) =>
  (await live('Deployment', name, ns))?.spec.template.spec.containers[0];
/** The pods of `app` in `ns`, all Running and ready. */
const readyPods = async (app: string, ns: string) => {
  const pods = (await h.gateway.list('Pod', { namespace: ns, labelSelector: `app=${app}` })) as Json[];
  return pods.filter(
    (p) =>
      p.status?.phase === 'Running' &&
      p.status?.conditions?.some((c: Json) => c.type === 'Ready' && c.status === 'True'),
  );
};
const CRASH = ['python3', '-c', 'import sys; sys.exit(1)'];

describe('ask "fix …" repairs every finding class the catalogue has a remediation for (API, simulated cluster)', () => {
  it('bad image tag: "fix the image of web" sets the image the last working revision ran', async () => {
    await h.apply(namespace('ask-image'), deployment('ask-image', 'web'));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'web', namespace: 'ask-image' },
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:9.9.9' }] } } } },
    );
    await h.findingFor('pod-image-pull', 'web-', 'ask-image');
    const done = await h.askAndFix('fix the image of web', 'ask-image');
    expect(done.plan.planner).toBe('remediate:image-pull:previous-image');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await container('web', 'ask-image')).image).toBe('nginx:1.27');
    expect(await readyPods('web', 'ask-image')).toHaveLength(1);
  });

  it('crash loop after a rollout: "why is api crashing, fix it" rolls back to the revision that worked', async () => {
    await h.apply(namespace('ask-crash'), deployment('ask-crash', 'api'));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'api', namespace: 'ask-crash' },
      { spec: { template: { spec: { containers: [{ name: 'app', command: CRASH }] } } } },
    );
    await h.findingFor('pod-crash-loop', 'api-', 'ask-crash');
    const done = await h.askAndFix('why is api crashing, fix it', 'ask-crash');
    expect(done.plan.planner).toBe('remediate:deployment:restore-last-working-revision');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await container('api', 'ask-crash')).command).toBeUndefined();
    expect(await readyPods('api', 'ask-crash')).toHaveLength(1);
  });

  it('missing ConfigMap key: "worker does not start, repair it" restores the key the working revision read', async () => {
    await h.apply(namespace('ask-keys'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'ask-keys' },
      data: { mode: 'fast' },
    } as KubeObject);
    const env = (key: string) => [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key } } }];
    await h.apply(deployment('ask-keys', 'worker', { env: env('mode') }));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'worker', namespace: 'ask-keys' },
      { spec: { template: { spec: { containers: [{ name: 'app', env: env('modes') }] } } } },
    );
    await h.findingFor('pod-container-config', 'worker-', 'ask-keys');
    const done = await h.askAndFix('worker does not start, repair it', 'ask-keys');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await container('worker', 'ask-keys')).env[0].valueFrom.configMapKeyRef.key).toBe('mode');
    expect(await readyPods('worker', 'ask-keys')).toHaveLength(1);
  });

  it('probe on a wrong path: "fix the readiness probe of unready" points it at the path that answers', async () => {
    await h.apply(
      namespace('ask-probe'),
      deployment('ask-probe', 'unready', {
        readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10 },
      }),
    );
    await h.findingFor('pod-readiness-probe', 'unready-', 'ask-probe');
    const done = await h.askAndFix('fix the readiness probe of unready', 'ask-probe');
    expect(done.plan.planner).toBe('remediate:probe:fix-target');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await container('unready', 'ask-probe')).readinessProbe.httpGet.path).toBe('/healthz');
    expect(await readyPods('unready', 'ask-probe')).toHaveLength(1);
  });

  it('Pending on a nodeSelector: "fix the pending pod in ask-sched" corrects the selector to a value nodes carry', async () => {
    await h.apply(
      namespace('ask-sched'),
      deployment('ask-sched', 'pinned', {}, { nodeSelector: { 'kubernetes.io/os': 'linx' } }),
    );
    await h.findingFor('pod-unschedulable', 'pinned-', 'ask-sched');
    const done = await h.askAndFix('fix the pending pod in ask-sched');
    expect(done.plan.planner).toBe('remediate:scheduling:fix-node-selector');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await live('Deployment', 'pinned', 'ask-sched'))?.spec.template.spec.nodeSelector).toEqual({
      'kubernetes.io/os': 'linux',
    });
    expect(await readyPods('pinned', 'ask-sched')).toHaveLength(1);
  });

  it('Pending on a missing StorageClass: "the db is stuck pending, fix it" creates the class and the claim binds', async () => {
    await h.apply(namespace('ask-disk'), {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'ask-disk' },
      spec: {
        storageClassName: 'fast-ssd',
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
      },
    } as KubeObject);
    await h.apply(
      deployment(
        'ask-disk',
        'db',
        { volumeMounts: [{ name: 'data', mountPath: '/data' }] },
        { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
      ),
    );
    await h.findingFor('pvc-storage-class-missing', 'data', 'ask-disk');
    const done = await h.askAndFix('the db is stuck pending, fix it', 'ask-disk');
    expect(done.plan.planner).toBe('remediate:storage:create-missing-class');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect(await live('StorageClass', 'fast-ssd')).toBeDefined();
    expect((await live('PersistentVolumeClaim', 'data', 'ask-disk'))?.status.phase).toBe('Bound');
    expect(await readyPods('db', 'ask-disk')).toHaveLength(1);
  });

  it('Service selector typo: "why is checkout not getting traffic, fix it" sets the selector its pods carry', async () => {
    await h.apply(namespace('ask-svc'), deployment('ask-svc', 'checkout'), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'checkout', namespace: 'ask-svc' },
      spec: { selector: { app: 'chekout' }, ports: [{ port: 80, targetPort: 80 }] },
    } as KubeObject);
    await h.advance(20_000);
    await h.findingFor('service-selector-no-match', 'checkout', 'ask-svc');
    const done = await h.askAndFix('why is checkout not getting traffic, fix it', 'ask-svc');
    expect(done.plan.planner).toBe('remediate:service:fix-selector');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await live('Service', 'checkout', 'ask-svc'))?.spec.selector).toEqual({ app: 'checkout' });
    const endpoints = await live('Endpoints', 'checkout', 'ask-svc');
    expect(endpoints?.subsets?.[0]?.addresses).toHaveLength(1);
  });

  it('RBAC denial: "why is lister crashing? fix it" adds the narrowest Role rule that grants the request', async () => {
    const denied =
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ask-rbac:lister" cannot list resource "pods" in API group "" in the namespace "ask-rbac"';
    const rbac = (kind: string, body: Json) =>
      ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind,
        metadata: { name: 'lister', namespace: 'ask-rbac' },
        ...body,
      }) as KubeObject;
    await h.apply(
      namespace('ask-rbac'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'lister', namespace: 'ask-rbac' } } as KubeObject,
      rbac('Role', { rules: [{ apiGroups: [''], resources: ['pod'], verbs: ['list'] }] }),
      rbac('RoleBinding', {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lister' },
        subjects: [{ kind: 'ServiceAccount', name: 'lister', namespace: 'ask-rbac' }],
      }),
      deployment(
        'ask-rbac',
        'lister',
        { image: 'busybox:1.36', ports: [], command: ['sh', '-c', `echo '${denied}'; exit 1`] },
        { serviceAccountName: 'lister' },
      ),
    );
    await h.findingFor('pod-crash-loop', 'lister-', 'ask-rbac');
    const done = await h.askAndFix('why is lister crashing? fix it', 'ask-rbac');
    expect(done.plan.planner).toBe('remediate:rbac:grant-denied-rule');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await live('Role', 'lister', 'ask-rbac'))?.rules).toEqual([
      expect.objectContaining({ resources: ['pod'] }),
      expect.objectContaining({ resources: ['pods'], verbs: ['list'] }),
    ]);
  });

  it('Pending on pod affinity: "api is not scheduled, fix it" corrects the affinity to the labels of the cache', async () => {
    await h.apply(namespace('ask-affinity'), deployment('ask-affinity', 'cache'));
    await h.apply(
      deployment(
        'ask-affinity',
        'api',
        {},
        {
          affinity: {
            podAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { labelSelector: { matchLabels: { app: 'cahce' } }, topologyKey: 'kubernetes.io/hostname' },
              ],
            },
          },
        },
      ),
    );
    await h.findingFor('pod-unschedulable', 'api-', 'ask-affinity');
    const done = await h.askAndFix('api is not scheduled, fix it', 'ask-affinity');
    expect(done.plan.planner).toBe('remediate:scheduling:fix-pod-affinity');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    const [api] = (await readyPods('api', 'ask-affinity')) as Json[];
    const [cache] = (await readyPods('cache', 'ask-affinity')) as Json[];
    expect(api?.spec.nodeName).toBeDefined();
    expect(api?.spec.nodeName).toBe(cache?.spec.nodeName);
  });

  it('OOMKilled as in the broken demo (128Mi, the app needs 900Mi): "fix the oom pod" raises the limit past the need', async () => {
    await h.apply(
      namespace('ask-oom'),
      deployment('ask-oom', 'oom', {
        image: 'opspilot/memory-hog:1.0',
        ports: [],
        resources: { limits: { memory: '128Mi' } },
      }),
    );
    await h.findingFor('pod-oom-killed', 'oom-', 'ask-oom');
    const done = await h.askAndFix('fix the oom pod', 'ask-oom');
    expect(done.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    const limit = (await container('oom', 'ask-oom')).resources.limits.memory as string;
    expect(Number.parseInt(limit, 10) * (limit.endsWith('Gi') ? 1024 : 1)).toBeGreaterThanOrEqual(900);
    expect(await readyPods('oom', 'ask-oom')).toHaveLength(1);
  });

  it('"fix it" after a diagnosis of the same user repairs the object the diagnosis named', async () => {
    await h.apply(namespace('ask-it'), deployment('ask-it', 'cart'));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'cart', namespace: 'ask-it' },
      { spec: { template: { spec: { containers: [{ name: 'app', command: CRASH }] } } } },
    );
    await h.findingFor('pod-crash-loop', 'cart-', 'ask-it');
    const diagnosis = await h.ask('why is cart crashing', 'ask-it');
    expect(diagnosis.operation.plan.steps.map((s: Json) => s.op)).toEqual(['analyze']);
    const done = await h.askAndFix('fix it', 'ask-it');
    expect(done.plan.planner).toBe('remediate:deployment:restore-last-working-revision');
    expect(done.fix.status, done.fix.message).toBe('VERIFIED');
    expect((await container('cart', 'ask-it')).command).toBeUndefined();
  });
});

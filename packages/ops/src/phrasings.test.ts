import { planRequest } from '@opspilot/ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsHarness } from './__fixtures__/opsHarness.js';

// Plain-English requests run end to end — offline planner → lifecycle → simulated cluster — and each is checked by
// the state the cluster is left in (or, for reads, by what came back), in order: later lines see earlier changes.
type H = Awaited<ReturnType<typeof opsHarness>>;
let h: H;
// biome-ignore lint/suspicious/noExplicitAny: objects read back from the cluster, checked field by field
type Json = Record<string, any>;
const get = async (kind: string, name: string, namespace?: string) =>
  (await h.gateway.get({ kind, name, namespace })) as Json | undefined;
const dep = async (name: string, namespace = 'todo') => (await get('Deployment', name, namespace))!;
const container = async (name: string, namespace = 'todo') =>
  (await dep(name, namespace)).spec.template.spec.containers[0];
const replicas = async (name: string) => (await dep(name)).spec.replicas;
const restartedAt = async (name: string) =>
  (await dep(name)).spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];
const remembered: Record<string, unknown> = {};

type Outcome = {
  kind: string;
  state?: string;
  result?: string;
  problems?: string[];
  question?: string;
  suggestions?: string[];
};
async function run(request: string): Promise<Outcome> {
  const proposed = await h.ops.propose(request, { user: 'alice' });
  if (proposed.kind !== 'operation') return { kind: proposed.kind, ...(proposed as Json) };
  let op = proposed.operation;
  if (op.state === 'NEEDS_REVIEW') {
    await h.ops.approve(op.id, { user: 'bob', confirmations: op.confirmations });
    op = await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }));
  }
  return { kind: 'operation', state: op.state, result: op.result, problems: op.problems };
}

const CASES: [string, (o: Outcome) => Promise<void> | void][] = [
  // scaling
  ['scale backend to 3 replicas', async () => expect(await replicas('backend')).toBe(3)],
  ['scale the backend deployment down to 1', async () => expect(await replicas('backend')).toBe(1)],
  ['scale backend up by 2', async () => expect(await replicas('backend')).toBe(3)],
  ['double the frontend replicas', async () => expect(await replicas('frontend')).toBe(4)],
  ['halve frontend', async () => expect(await replicas('frontend')).toBe(2)],
  ['scale frontend by 50%', async () => expect(await replicas('frontend')).toBe(3)],
  ['scale backend in todo to 2', async () => expect(await replicas('backend')).toBe(2)],
  ['set frontend replicas to 2', async () => expect(await replicas('frontend')).toBe(2)],
  ['scale frontend to 3 replicas in todo', async () => expect(await replicas('frontend')).toBe(3)],
  ['scale frontend down to 2', async () => expect(await replicas('frontend')).toBe(2)],
  // restarts
  [
    'restart backend',
    async () => {
      remembered.backendRestart = await restartedAt('backend');
      expect(remembered.backendRestart).toBeDefined();
    },
  ],
  ['restart the frontend deployment', async () => expect(await restartedAt('frontend')).toBeDefined()],
  [
    'rollout restart deployment backend',
    async () => {
      await h.clock.advance(2000);
      expect(await restartedAt('backend')).toBeDefined();
    },
  ],
  // images and rollbacks
  ['update backend to version 1.1', async () => expect((await container('backend')).image).toBe('todo/backend:1.1')],
  [
    'set image of backend to todo/backend:1.2',
    async () => expect((await container('backend')).image).toBe('todo/backend:1.2'),
  ],
  ['upgrade frontend to 1.1', async () => expect((await container('frontend')).image).toBe('todo/frontend:1.1')],
  ['roll back backend', async () => expect((await container('backend')).image).toBe('todo/backend:1.1')],
  ['roll back backend to revision 1', async () => expect((await container('backend')).image).toBe('todo/backend:1.0')],
  [
    'undo the last rollout of frontend',
    async () => expect((await container('frontend')).image).toBe('todo/frontend:1.0'),
  ],
  // environment and resources
  [
    'set LOG_LEVEL=debug on backend',
    async () => expect((await container('backend')).env).toContainEqual({ name: 'LOG_LEVEL', value: 'debug' }),
  ],
  [
    'set env FEATURE_X=on on frontend',
    async () => expect((await container('frontend')).env).toContainEqual({ name: 'FEATURE_X', value: 'on' }),
  ],
  [
    'set LOG_LEVEL=info on backend',
    async () => expect((await container('backend')).env).toContainEqual({ name: 'LOG_LEVEL', value: 'info' }),
  ],
  [
    'set the memory limit of backend to 768Mi',
    async () => expect((await container('backend')).resources.limits.memory).toBe('768Mi'),
  ],
  [
    'set cpu request of frontend to 200m',
    async () => expect((await container('frontend')).resources.requests.cpu).toBe('200m'),
  ],
  // exposing
  [
    'expose backend on port 80',
    async () => {
      const svc = (await get('Service', 'backend-80', 'todo'))!;
      expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8000 });
    },
  ],
  [
    'expose deployment frontend on port 8080',
    async () => expect((await get('Service', 'frontend-8080', 'todo'))?.spec.ports[0].port).toBe(8080),
  ],
  // creating
  ['create namespace staging', async () => expect(await get('Namespace', 'staging')).toBeDefined()],
  [
    'create a deployment web with image nginx:1.27 and 2 replicas',
    async () => {
      const web = await dep('web', 'default');
      expect(web.spec.replicas).toBe(2);
      expect(web.status.availableReplicas).toBe(2);
    },
  ],
  [
    'create a configmap app-settings with MODE=fast',
    async () => expect((await get('ConfigMap', 'app-settings', 'default'))?.data).toEqual({ MODE: 'fast' }),
  ],
  [
    'create a secret db-creds with password=changeme',
    async () =>
      expect(Buffer.from((await get('Secret', 'db-creds', 'default'))?.data.password, 'base64').toString()).toBe(
        'changeme',
      ),
  ],
  [
    'autoscale backend between 2 and 10 pods at 70% cpu',
    async () =>
      expect((await get('HorizontalPodAutoscaler', 'backend', 'todo'))?.spec).toMatchObject({
        minReplicas: 2,
        maxReplicas: 10,
      }),
  ],
  [
    'create a pod debug with image busybox:1.36',
    async () => expect(await get('Pod', 'debug', 'default')).toBeDefined(),
  ],
  // labels and annotations
  [
    'label deployment backend with team=payments',
    async () => expect((await dep('backend')).metadata.labels?.team).toBe('payments'),
  ],
  [
    'annotate deployment frontend with owner=alice',
    async () => expect((await dep('frontend')).metadata.annotations?.owner).toBe('alice'),
  ],
  // deleting
  [
    'delete configmap app-settings',
    async () => expect(await get('ConfigMap', 'app-settings', 'default')).toBeUndefined(),
  ],
  ['delete pod debug', async () => expect(await get('Pod', 'debug', 'default')).toBeUndefined()],
  ['delete deployment web', async () => expect(await get('Deployment', 'web', 'default')).toBeUndefined()],
  ['delete namespace staging', async () => expect(await get('Namespace', 'staging')).toBeUndefined()],
  // nodes
  ['cordon node sim-worker-1', async () => expect((await get('Node', 'sim-worker-1'))?.spec.unschedulable).toBe(true)],
  [
    'uncordon node sim-worker-1',
    async () => expect((await get('Node', 'sim-worker-1'))?.spec.unschedulable).toBeFalsy(),
  ],
  [
    'drain node sim-worker-2',
    async () => {
      expect((await get('Node', 'sim-worker-2'))?.spec.unschedulable).toBe(true);
      const left = await h.gateway.list('Pod', { fieldSelector: 'spec.nodeName=sim-worker-2' });
      expect(left.filter((p) => !p.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet'))).toEqual([]);
    },
  ],
  [
    'uncordon node sim-worker-2',
    async () => expect((await get('Node', 'sim-worker-2'))?.spec.unschedulable).toBeFalsy(),
  ],
  // blue/green and storage
  [
    'switch service web to green',
    async () => expect((await get('Service', 'web', 'todo'))?.spec.selector.version).toBe('green'),
  ],
  [
    'resize pvc data-db to 20Gi',
    async () =>
      expect((await get('PersistentVolumeClaim', 'data-db', 'todo'))?.spec.resources.requests.storage).toBe('20Gi'),
  ],
  // reads: nothing changes, the answer holds the data
  ['show errors in backend logs in the last 10 minutes', (o) => expect(o).toMatchObject({ state: 'APPLIED' })],
  ['logs of frontend', (o) => expect(o.result).toContain('Next.js')],
  [
    'list pods not running in broken',
    (o) => {
      expect(o.result).toMatch(/broken\/bad-image-\S+\tPending/);
      expect(o.result).not.toContain('todo/');
    },
  ],
  ['what images are running', (o) => expect(o.result).toContain('todo/backend:1.0')],
  [
    'what images are running in todo',
    (o) => {
      expect(o.result).toContain('todo/frontend');
      expect(o.result).not.toContain('coredns');
    },
  ],
  ['describe deployment backend', (o) => expect(o.result).toMatch(/kind: Deployment[\s\S]*Events:/)],
  ['get services in todo', (o) => expect(o.result).toContain('todo/backend')],
  ['list deployments', (o) => expect(o.result).toContain('broken/crashloop')],
  ['show pods in todo', (o) => expect(o.result).toMatch(/todo\/backend-\S+\tRunning/)],
  ['list nodes', (o) => expect(o.result).toContain('sim-worker-1')],
  ['how many replicas does backend have', (o) => expect(o.result).toMatch(/replicas: 2/)],
  ['show events in broken', (o) => expect(o.result).toMatch(/broken\//)],
  [
    "what's wrong with crashloop",
    // The pod may be between two crashes or backing off: either way its problem is named.
    (o) =>
      expect(o.result).toMatch(
        /problem\(s\) with deployment broken\/crashloop[\s\S]*(crash|restart|replicas available)/i,
      ),
  ],
  ['why is unschedulable pending', (o) => expect(o.result).toMatch(/Insufficient (cpu|memory)/)],
  [
    "what's wrong with deployment frontend",
    (o) => expect(o.result).toBe('No problems found with deployment todo/frontend.'),
  ],
  // never a guess
  [
    'scale api to 3',
    async (o) => {
      expect(o.kind).toBe('question');
      expect(await replicas('backend')).toBe(2);
    },
  ],
  // A name shared by a workload and its Service: a label request goes to the workload, and the plan says so.
  [
    'label backend with team=platform',
    async (o) => {
      expect(o.kind).toBe('operation');
      expect((await dep('backend')).metadata.labels?.team).toBe('platform');
    },
  ],
  [
    'remove the team label from deployment backend',
    async () => {
      const { labels } = (await dep('backend')).metadata;
      expect(labels?.team).toBeUndefined();
      expect(labels?.app).toBe('backend');
    },
  ],
  [
    'delete annotation owner from deployment frontend',
    async () => expect((await dep('frontend')).metadata.annotations?.owner).toBeUndefined(),
  ],
  [
    'make coffee',
    (o) => {
      expect(o.kind).toBe('unsupported');
      expect(o.suggestions?.length).toBeGreaterThan(0);
    },
  ],
];

beforeAll(async () => {
  h = await opsHarness({
    scenario: 'broken',
    planner: (gateway) => (text, ctx) => planRequest(text, { gateway, namespace: ctx.namespace }),
    extra: [
      ...['blue', 'green'].map((version) => ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `web-${version}`, namespace: 'todo' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web', version } },
          template: {
            metadata: { labels: { app: 'web', version } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
          },
        },
      })),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'todo' },
        spec: { selector: { app: 'web', version: 'blue' }, ports: [{ port: 80 }] },
      },
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'expandable' },
        provisioner: 'rancher.io/local-path',
        allowVolumeExpansion: true,
        volumeBindingMode: 'Immediate',
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data-db', namespace: 'todo' },
        spec: {
          storageClassName: 'expandable',
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '10Gi' } },
        },
      },
    ],
  });
});
afterAll(() => h?.stop());

describe(`${CASES.length} plain-English requests against the simulated cluster`, () => {
  it('covers at least 60 phrasings', () => expect(CASES.length).toBeGreaterThanOrEqual(60));
  it.each(CASES)('%s', async (request, check) => {
    const outcome = await run(request);
    try {
      await check(outcome);
    } catch (error) {
      throw new Error(`${(error as Error).message}\noutcome: ${JSON.stringify(outcome).slice(0, 600)}`);
    }
  });
});

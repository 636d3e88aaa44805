import type { ClusterGateway, KubeObject, PlanOutcome } from '@opspilot/core';

// biome-ignore lint/suspicious/noExplicitAny: objects read back from the cluster, checked field by field
type Json = Record<string, any>;

/** What a task's check sees: the cluster, the planner's answer, and what carrying out the plan printed. */
export interface TaskContext {
  gateway: ClusterGateway;
  outcome: PlanOutcome;
  /** The output of the plan's steps (reads print here). */
  result: string;
  /** Whether every step applied and verified. */
  ok: boolean;
  /** The wording's index in the task (for per-wording names). */
  i: number;
  /** The first turn of a two-turn conversation, already run. */
}

/** One kind of everyday task, said eight ways, checked by the state the cluster is left in. */
export interface Task {
  id: string;
  /** Brings the cluster to the task's starting state before each wording (through the gateway, not the planner). */
  setup?: (gateway: ClusterGateway, i: number) => Promise<unknown>;
  /** A first request of the same conversation, planned and run before the wording (for `it`/`them`). */
  before?: string;
  say: string[];
  /** True when the state (or the answer, for reads and refusals) is what was asked; a string says what is wrong. */
  check: (c: TaskContext) => Promise<true | string>;
  /** Removes what a wording created, so the next starts clean. */
  cleanup?: (gateway: ClusterGateway, i: number) => Promise<unknown>;
}

const get = async (g: ClusterGateway, kind: string, name: string, namespace?: string) =>
  (await g.get({ kind, name, ...(namespace ? { namespace } : {}) })) as Json | undefined;
const dep = (g: ClusterGateway, name: string, ns = 'todo') => get(g, 'Deployment', name, ns);
const replicas = async (g: ClusterGateway, name: string, ns = 'todo') => (await dep(g, name, ns))?.spec?.replicas;
const container = async (g: ClusterGateway, name: string, ns = 'todo') =>
  (await dep(g, name, ns))?.spec?.template?.spec?.containers?.[0] as Json | undefined;
const scaleTo = (g: ClusterGateway, name: string, n: number, ns = 'todo') =>
  g.scale({ kind: 'Deployment', name, namespace: ns }, n);
const patch = (g: ClusterGateway, kind: string, name: string, ns: string | undefined, body: unknown) =>
  g.patch({ kind, name, ...(ns ? { namespace: ns } : {}) }, body, { type: 'strategic' });
const remove = async (g: ClusterGateway, kind: string, name: string, ns?: string) => {
  if (await get(g, kind, name, ns)) await g.delete({ kind, name, ...(ns ? { namespace: ns } : {}) }).catch(() => undefined);
};
const expectEq = (what: string, actual: unknown, expected: unknown): true | string =>
  JSON.stringify(actual) === JSON.stringify(expected) ? true : `${what}: ${JSON.stringify(actual)}, wanted ${JSON.stringify(expected)}`;
const all = (...results: (true | string)[]): true | string => results.find((r) => r !== true) ?? true;
const restartedAt = async (g: ClusterGateway, name: string, ns = 'todo') =>
  (await dep(g, name, ns))?.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] as string | undefined;
const clearRestart = async (g: ClusterGateway, name: string, ns = 'todo') =>
  patch(g, 'Deployment', name, ns, { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': null } } } } });
const restarted = async (g: ClusterGateway, name: string, ns = 'todo') => ((await restartedAt(g, name, ns)) ? true : `${name} was not restarted`);
const planned = (o: PlanOutcome) => (o.kind === 'plan' ? true : `answered ${o.kind}: ${JSON.stringify(o).slice(0, 200)}`);
const refused = (o: PlanOutcome) => (o.kind === 'plan' ? `planned: ${o.plan.summary}` : true);
const created = async (g: ClusterGateway, kind: string, name: string, ns?: string) => ((await get(g, kind, name, ns)) ? true : `${kind} ${name} was not created`);
const n = (i: number) => String(i + 1);

/** The extra objects the paraphrase suite starts from (besides the demo scenario). */
export const PARAPHRASE_EXTRAS: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'batch' } },
  ...[
    ['web-app', 'todo', 'nginx:1.27', 2],
    ['reporter', 'batch', 'nginx:1.27', 1],
    ['mailer', 'batch', 'nginx:1.27', 1],
    ['web-blue', 'todo', 'nginx:1.27', 1, 'blue'],
    ['web-green', 'todo', 'nginx:1.27', 1, 'green'],
  ].map(([name, namespace, image, count, version]) => {
    const labels: Record<string, string> = version ? { app: 'web', version: String(version) } : { app: String(name) };
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: String(name), namespace: String(namespace), labels },
      spec: {
        replicas: Number(count),
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: version ? 'web' : String(name), image: String(image), ports: [{ containerPort: 80 }] }] } },
      },
    } as KubeObject;
  }),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'todo' }, spec: { selector: { app: 'web', version: 'blue' }, ports: [{ port: 80 }] } } as KubeObject,
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'expandable' }, provisioner: 'rancher.io/local-path', allowVolumeExpansion: true, volumeBindingMode: 'Immediate' } as KubeObject,
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'todo' }, spec: { storageClassName: 'expandable', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } } as KubeObject,
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'huge', namespace: 'todo', labels: { app: 'huge' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'huge' } },
      template: { metadata: { labels: { app: 'huge' } }, spec: { containers: [{ name: 'huge', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }] } },
    },
  } as KubeObject,
];

const configMap = (name: string, ns = 'todo'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { A: '1' } });

/** The task types (each said eight ways). */
export const TASKS: Task[] = [
  {
    id: 'scale to a count',
    setup: (g) => scaleTo(g, 'backend', 2),
    say: ['scale backend to 4', 'set the backend replica count to 4', 'I want 4 replicas of backend running', 'make backend run 4 pods', 'backend should have 4 instances', 'change the number of backend replicas to 4', 'bump backend up to 4 replicas', 'please run four copies of the backend deployment'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'backend'), 4),
  },
  {
    id: 'scale up by a number',
    setup: (g) => scaleTo(g, 'backend', 2),
    say: ['scale backend up by 2', 'add 2 more replicas to backend', 'increase backend by two pods', 'give backend two extra instances', 'backend needs 2 more pods', 'grow the backend deployment by 2 replicas', 'add two replicas to the backend', "raise backend's replica count by 2"],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'backend'), 4),
  },
  {
    id: 'scale down by a number',
    setup: (g) => scaleTo(g, 'frontend', 3),
    say: ['scale frontend down by 2', 'remove 2 replicas from frontend', 'reduce frontend by two pods', 'take two instances away from frontend', 'decrease frontend by 2 replicas', 'drop frontend by two replicas', 'scale down the frontend deployment by 2', 'run 2 fewer frontend pods'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'frontend'), 1),
  },
  {
    id: 'scale up by a percentage',
    setup: (g) => scaleTo(g, 'web-app', 2),
    say: ['scale the deployment web-app up by 100%', 'increase web-app replicas by 100 percent', 'grow web-app by 100%', 'web-app needs 100% more replicas', 'bump web-app by 100%', 'scale web-app by 100%', 'add 100% more pods to web-app', 'raise the web-app replica count by 100%'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'web-app'), 4),
  },
  {
    id: 'scale down by a percentage',
    setup: (g) => scaleTo(g, 'web-app', 4),
    say: ['scale web-app down by 50%', 'reduce web-app by 50 percent', 'cut web-app replicas by 50%', 'shrink web-app by 50%', 'decrease the web-app deployment by 50%', "lower web-app's replicas by 50 percent", 'trim web-app by 50%', 'scale in web-app by 50%'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'web-app'), 2),
  },
  {
    id: 'double',
    setup: (g) => scaleTo(g, 'frontend', 2),
    say: ['double frontend', 'double the frontend replicas', 'twice as many frontend pods please', 'make frontend 2x', 'frontend should run double the replicas', 'double the capacity of frontend', 'double up the frontend deployment', 'give frontend double the pods'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'frontend'), 4),
  },
  {
    id: 'halve',
    setup: (g) => scaleTo(g, 'backend', 4),
    say: ['halve backend', 'cut backend in half', 'scale backend to half its replicas', 'reduce backend by half', 'half the backend pods please', 'halve the number of backend replicas', 'backend: halve the replicas', 'shrink backend by half'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'backend'), 2),
  },
  {
    id: 'scale to zero',
    setup: (g) => scaleTo(g, 'web-app', 2),
    say: ['scale web-app to zero', 'shut down web-app', 'turn off web-app', 'scale web-app down to 0 replicas', 'stop all web-app pods', 'spin down web-app completely', 'set web-app replicas to 0', 'web-app should run zero pods'],
    check: async (c) => expectEq('replicas', await replicas(c.gateway, 'web-app'), 0),
    cleanup: (g) => scaleTo(g, 'web-app', 2),
  },
  {
    id: 'restart one',
    setup: (g) => clearRestart(g, 'backend'),
    say: ['restart backend', 'do a rolling restart of backend', 'bounce the backend pods', 'reboot backend', 'recycle the backend deployment', 'restart the pods of backend', 'kick backend', 'give backend a restart'],
    check: (c) => restarted(c.gateway, 'backend'),
  },
  {
    id: 'restart two (conjunction)',
    setup: async (g) => {
      await clearRestart(g, 'backend');
      await clearRestart(g, 'frontend');
    },
    say: ['restart backend and frontend', 'bounce frontend and backend', 'rolling restart of backend and frontend', 'restart both backend and frontend', 'please restart the backend and the frontend deployments', 'reboot frontend plus backend', 'restart backend, frontend', 'cycle the backend and frontend pods'],
    check: async (c) => all(await restarted(c.gateway, 'backend'), await restarted(c.gateway, 'frontend')),
  },
  {
    id: 'restart all of a kind in a namespace',
    setup: async (g) => {
      await clearRestart(g, 'reporter', 'batch');
      await clearRestart(g, 'mailer', 'batch');
    },
    say: ['restart all deployments in batch', 'restart every deployment in the batch namespace', 'bounce all the deployments in batch', 'restart each deployment in namespace batch', 'restart all deployments -n batch', 'do a rolling restart of all deployments in batch', 'reboot every deployment within batch', 'restart both deployments in batch'],
    check: async (c) => all(await restarted(c.gateway, 'reporter', 'batch'), await restarted(c.gateway, 'mailer', 'batch')),
  },
  {
    id: 'roll back',
    setup: async (g) => {
      await patch(g, 'Deployment', 'frontend', 'todo', { spec: { template: { spec: { containers: [{ name: 'frontend', image: 'todo/frontend:1.0' }] } } } });
      await patch(g, 'Deployment', 'frontend', 'todo', { spec: { template: { spec: { containers: [{ name: 'frontend', image: 'todo/frontend:1.1' }] } } } });
    },
    say: ['roll back frontend', 'undo the last rollout of frontend', 'revert frontend to the previous version', 'rollback the frontend deployment', 'go back to the previous release of frontend', 'frontend broke after the update, roll it back', "undo frontend's last deploy", 'restore the previous version of frontend'],
    check: async (c) => expectEq('image', (await container(c.gateway, 'frontend'))?.image, 'todo/frontend:1.0'),
  },
  {
    id: 'set an image',
    setup: (g) => patch(g, 'Deployment', 'web-app', 'todo', { spec: { template: { spec: { containers: [{ name: 'web-app', image: 'nginx:1.27' }] } } } }),
    say: ['set the image of web-app to nginx:1.26', "change web-app's image to nginx:1.26", 'use nginx:1.26 for web-app', 'update web-app to image nginx:1.26', 'roll out nginx:1.26 to web-app', 'web-app should run nginx:1.26', 'switch web-app to nginx:1.26', 'perform a rolling update of web-app to nginx:1.26'],
    check: async (c) => expectEq('image', (await container(c.gateway, 'web-app'))?.image, 'nginx:1.26'),
  },
  {
    id: 'set a version (tag)',
    setup: (g) => patch(g, 'Deployment', 'backend', 'todo', { spec: { template: { spec: { containers: [{ name: 'backend', image: 'todo/backend:1.0' }] } } } }),
    say: ['update backend to version 1.1', 'upgrade backend to 1.1', 'deploy version 1.1 of backend', 'bump backend to 1.1', 'move backend to tag 1.1', 'release 1.1 of backend', "set backend's version to 1.1", 'change the backend image tag to 1.1'],
    check: async (c) => expectEq('image', (await container(c.gateway, 'backend'))?.image, 'todo/backend:1.1'),
  },
  {
    id: 'set an environment variable',
    setup: (g) => patch(g, 'Deployment', 'frontend', 'todo', { spec: { template: { spec: { containers: [{ name: 'frontend', env: [] }] } } } }).then(() => undefined),
    say: ['set LOG_LEVEL=debug on frontend', 'add env var LOG_LEVEL=debug to frontend', 'frontend needs LOG_LEVEL=debug in its environment', 'configure frontend with LOG_LEVEL=debug', 'put LOG_LEVEL=debug in the frontend environment', 'set the environment variable LOG_LEVEL to debug for frontend', 'export LOG_LEVEL=debug in frontend', 'update the frontend env with LOG_LEVEL=debug'],
    check: async (c) => ((await container(c.gateway, 'frontend'))?.env ?? []).some((e: Json) => e.name === 'LOG_LEVEL' && e.value === 'debug') ? true : 'LOG_LEVEL not set',
  },
  {
    id: 'set a cpu request',
    setup: (g) => patch(g, 'Deployment', 'backend', 'todo', { spec: { template: { spec: { containers: [{ name: 'backend', resources: { requests: { cpu: '100m' } } }] } } } }),
    say: ['give backend a cpu request of 250m', "set backend's cpu request to 250m", 'backend should request 250m cpu', 'request 250m of cpu for backend', 'change the cpu request of backend to 250m', 'raise backend cpu requests to 250 millicores', 'set requests cpu to 250m on backend', 'bump the backend CPU request up to 250m'],
    check: async (c) => expectEq('cpu request', (await container(c.gateway, 'backend'))?.resources?.requests?.cpu, '250m'),
  },
  {
    id: 'set a memory limit',
    setup: (g) => patch(g, 'Deployment', 'frontend', 'todo', { spec: { template: { spec: { containers: [{ name: 'frontend', resources: { limits: { memory: '512Mi' } } }] } } } }),
    say: ['set the memory limit of frontend to 768Mi', 'limit frontend memory to 768Mi', 'cap frontend at 768Mi of memory', 'frontend memory limit should be 768Mi', "raise frontend's memory limit to 768Mi", 'increase the frontend memory limit to 768 Mi', 'change frontend limits: memory 768Mi', 'give frontend a 768Mi memory limit'],
    check: async (c) => expectEq('memory limit', (await container(c.gateway, 'frontend'))?.resources?.limits?.memory, '768Mi'),
  },
  {
    id: 'set cpu and memory requests',
    setup: (g) => patch(g, 'Deployment', 'web-app', 'todo', { spec: { template: { spec: { containers: [{ name: 'web-app', resources: null }] } } } }).then(() => undefined),
    say: ['give web-app 200m cpu and 256Mi memory', 'set web-app requests to 200m cpu and 256Mi memory', 'web-app should request 200m of cpu and 256Mi of memory', 'request cpu 200m and memory 256Mi for web-app', 'allocate 200m cpu and 256Mi ram to web-app', 'set resource requests of web-app: cpu 200m, memory 256Mi', 'reserve 200m cpu and 256Mi memory for web-app', "change web-app's requests to cpu 200m memory 256Mi"],
    check: async (c) => expectEq('requests', (await container(c.gateway, 'web-app'))?.resources?.requests, { cpu: '200m', memory: '256Mi' }),
  },
  {
    id: 'resize a volume claim',
    say: ['resize the data volume claim in todo to 11Gi', 'expand pvc data to 12Gi', 'grow the data claim to 13Gi', 'increase the size of the data volume to 14Gi', 'make the data disk 15Gi', 'enlarge persistent volume claim data in todo to 16Gi', 'the data pvc needs 17Gi', 'bump data storage to 18Gi'],
    check: async (c) => expectEq('storage', (await get(c.gateway, 'PersistentVolumeClaim', 'data', 'todo'))?.spec?.resources?.requests?.storage, `${11 + c.i}Gi`),
  },
  {
    id: 'delete an object',
    setup: (g) => g.apply(configMap('old-settings')).then(() => undefined),
    say: ['delete configmap old-settings', 'remove the old-settings config map', 'get rid of old-settings', 'delete the old-settings configmap in todo', 'drop configmap old-settings from todo', 'tear down old-settings', 'please delete old-settings', 'erase the configmap named old-settings'],
    check: async (c) => ((await get(c.gateway, 'ConfigMap', 'old-settings', 'todo')) ? 'still there' : true),
  },
  {
    id: 'delete two objects',
    setup: async (g) => {
      await g.apply(configMap('tmp-a'));
      await g.apply(configMap('tmp-b'));
    },
    say: ['delete configmaps tmp-a and tmp-b', 'remove tmp-a and tmp-b', 'get rid of the tmp-a and tmp-b config maps', 'delete tmp-a and tmp-b in todo', 'tear down both tmp-a and tmp-b', 'erase configmap tmp-a and configmap tmp-b', 'delete the configmaps tmp-a, tmp-b', 'drop tmp-a and also tmp-b'],
    check: async (c) => ((await get(c.gateway, 'ConfigMap', 'tmp-a', 'todo')) || (await get(c.gateway, 'ConfigMap', 'tmp-b', 'todo')) ? 'still there' : true),
  },
  {
    id: 'add a label',
    setup: (g) => patch(g, 'Deployment', 'frontend', 'todo', { metadata: { labels: { team: null } } }).then(() => undefined),
    say: ['label deployment frontend with team=payments', 'add label team=payments to the frontend deployment', 'tag the frontend deployment with team=payments', 'put the label team=payments on deployment frontend', 'set label team=payments on deployment frontend', 'give deployment frontend the label team=payments', 'label the frontend deployment team=payments', 'frontend deployment: add the label team=payments'],
    check: async (c) => expectEq('label', (await dep(c.gateway, 'frontend'))?.metadata?.labels?.team, 'payments'),
  },
  {
    id: 'add an annotation',
    setup: (g) => patch(g, 'Service', 'backend', 'todo', { metadata: { annotations: { owner: null } } }).then(() => undefined),
    say: ['annotate service backend with owner=alice', 'add annotation owner=alice to the backend service', 'put annotation owner=alice on service backend', 'set the annotation owner=alice on svc backend', 'annotate the backend service owner=alice', 'give service backend the annotation owner=alice', 'service backend: annotate with owner=alice', 'attach annotation owner=alice to service backend'],
    check: async (c) => expectEq('annotation', (await get(c.gateway, 'Service', 'backend', 'todo'))?.metadata?.annotations?.owner, 'alice'),
  },
  {
    id: 'remove a label',
    setup: (g) => patch(g, 'Deployment', 'frontend', 'todo', { metadata: { labels: { team: 'payments' } } }).then(() => undefined),
    say: ['remove the team label from deployment frontend', 'delete label team from the frontend deployment', 'drop label team from deployment frontend', 'label deployment frontend team-', 'take the team label off deployment frontend', 'remove label team on deployment frontend', 'strip the team label from deployment frontend', 'clear the team label from deployment frontend'],
    check: async (c) => all(expectEq('team label', (await dep(c.gateway, 'frontend'))?.metadata?.labels?.team, undefined), expectEq('app label', (await dep(c.gateway, 'frontend'))?.metadata?.labels?.app, 'frontend')),
  },
  {
    id: 'cordon a node',
    setup: (g) => patch(g, 'Node', 'sim-worker-1', undefined, { spec: { unschedulable: false } }).then(() => undefined),
    say: ['cordon sim-worker-1', 'cordon node sim-worker-1', 'mark sim-worker-1 unschedulable', 'stop scheduling pods on sim-worker-1', 'make node sim-worker-1 unschedulable', 'prevent new pods from landing on sim-worker-1', 'disable scheduling on sim-worker-1', 'take sim-worker-1 out of scheduling'],
    check: async (c) => expectEq('unschedulable', (await get(c.gateway, 'Node', 'sim-worker-1'))?.spec?.unschedulable, true),
    cleanup: (g) => patch(g, 'Node', 'sim-worker-1', undefined, { spec: { unschedulable: false } }).then(() => undefined),
  },
  {
    id: 'uncordon a node',
    setup: (g) => patch(g, 'Node', 'sim-worker-1', undefined, { spec: { unschedulable: true } }).then(() => undefined),
    say: ['uncordon sim-worker-1', 'uncordon node sim-worker-1', 'mark sim-worker-1 schedulable again', 'make sim-worker-1 schedulable', 'allow scheduling on sim-worker-1 again', 'put sim-worker-1 back into rotation', 're-enable scheduling on node sim-worker-1', 'let pods schedule on sim-worker-1 again'],
    check: async (c) => ((await get(c.gateway, 'Node', 'sim-worker-1'))?.spec?.unschedulable ? 'still cordoned' : true),
    cleanup: (g) => patch(g, 'Node', 'sim-worker-1', undefined, { spec: { unschedulable: false } }).then(() => undefined),
  },
  {
    id: 'drain a node',
    setup: (g) => patch(g, 'Node', 'sim-worker-2', undefined, { spec: { unschedulable: false } }).then(() => undefined),
    say: ['drain sim-worker-2', 'drain node sim-worker-2', 'evacuate sim-worker-2', 'drain sim-worker-2 for maintenance', 'move all pods off sim-worker-2', 'empty node sim-worker-2', 'evict everything from sim-worker-2', 'prepare sim-worker-2 for maintenance by draining it'],
    check: async (c) => {
      const node = await get(c.gateway, 'Node', 'sim-worker-2');
      const left = (await c.gateway.list('Pod', { fieldSelector: 'spec.nodeName=sim-worker-2' })).filter((p) => !p.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet'));
      return all(expectEq('unschedulable', node?.spec?.unschedulable, true), left.length ? `${left.length} pods left` : true);
    },
    cleanup: (g) => patch(g, 'Node', 'sim-worker-2', undefined, { spec: { unschedulable: false } }).then(() => undefined),
  },
  {
    id: 'expose a deployment',
    setup: async (g) => {
      for (const s of await g.list('Service', { namespace: 'todo' })) if ((s.spec as Json)?.selector?.app === 'web-app') await g.delete({ kind: 'Service', name: s.metadata.name, namespace: 'todo' });
    },
    say: ['expose web-app on port 8080', 'create a service for web-app on port 8080', 'make web-app reachable on port 8080', 'publish web-app on port 8080', 'put a service in front of web-app on port 8080', 'expose the web-app deployment at port 8080', 'open port 8080 for web-app', 'give web-app a service on port 8080'],
    check: async (c) => ((await c.gateway.list('Service', { namespace: 'todo' })).some((s) => (s.spec as Json)?.selector?.app === 'web-app' && (s.spec as Json)?.ports?.[0]?.port === 8080) ? true : 'no service on 8080 selects web-app'),
  },
  {
    id: 'switch traffic (blue/green)',
    setup: (g) => patch(g, 'Service', 'web', 'todo', { spec: { selector: { app: 'web', version: 'blue' } } }).then(() => undefined),
    say: ['switch service web to green', 'point web at the green deployment', 'route web traffic to green', 'cut over web to green', 'flip web to green', 'send all web traffic to the green version', "move web's traffic to green", 'make web serve the green pods'],
    check: async (c) => expectEq('selector', (await get(c.gateway, 'Service', 'web', 'todo'))?.spec?.selector?.version, 'green'),
  },
  {
    id: 'two changes in one request',
    setup: async (g) => {
      await scaleTo(g, 'backend', 2);
      await clearRestart(g, 'frontend');
    },
    say: ['scale backend to 3 and restart frontend', 'scale backend to 3 then restart frontend', 'set backend replicas to 3, then restart frontend', 'restart frontend and scale backend to 3', 'first scale backend to 3 and then bounce frontend', 'scale backend to three; restart frontend', 'run 3 replicas of backend and restart frontend', 'restart frontend, then scale backend to 3'],
    check: async (c) => all(expectEq('replicas', await replicas(c.gateway, 'backend'), 3), await restarted(c.gateway, 'frontend')),
  },
  {
    id: 'it/them: the previous request',
    setup: async (g) => {
      await scaleTo(g, 'frontend', 2);
      await clearRestart(g, 'frontend');
    },
    before: 'scale frontend to 3',
    say: ['restart it', 'now restart it', 'bounce it', 'roll it', 'please restart them', 'restart it as well', 'also restart it', 'and reboot it'],
    check: async (c) => all(expectEq('replicas', await replicas(c.gateway, 'frontend'), 3), await restarted(c.gateway, 'frontend')),
  },
  // creation
  {
    id: 'create a namespace',
    say: ['create namespace qa-1', 'make a new namespace called qa-2', 'add a namespace named qa-3', 'set up namespace qa-4', 'I need a namespace qa-5', 'provision namespace qa-6', 'new namespace qa-7 please', 'create the namespace qa-8'],
    check: (c) => created(c.gateway, 'Namespace', `qa-${n(c.i)}`),
  },
  {
    id: 'create a deployment',
    say: ['create a deployment web1 with image nginx:1.27 and 2 replicas', 'deploy nginx:1.27 as web2 with 2 replicas', 'spin up a deployment called web3 running nginx:1.27, 2 replicas', 'I need a new deployment web4 using nginx:1.27 with two replicas', 'launch 2 replicas of nginx:1.27 as a deployment named web5', 'create deployment web6 image nginx:1.27 replicas 2', 'make a web7 deployment from nginx 1.27 with 2 pods', 'run nginx:1.27 in a new deployment web8 with 2 instances'],
    check: async (c) => {
      const d = await dep(c.gateway, `web${n(c.i)}`, 'default');
      return d ? all(expectEq('replicas', d.spec.replicas, 2), expectEq('image', d.spec.template.spec.containers[0].image, 'nginx:1.27')) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Deployment', `web${n(i)}`, 'default'),
  },
  {
    id: 'create a pod with a command',
    say: ["create a pod named box1 with image busybox:1.36 running 'sleep 3600'", "run a pod box2 from busybox:1.36 with command 'sleep 3600'", "start a pod called box3 using busybox:1.36 that runs 'sleep 3600'", 'launch pod box4 with image busybox:1.36 and command "sleep 3600"', "create pod box5 image busybox:1.36 command 'sleep 3600'", "make a busybox:1.36 pod named box6 that executes 'sleep 3600'", 'new pod box7, image busybox:1.36, running sleep 3600', "spin up a pod box8 with busybox:1.36 running 'sleep 3600'"],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `box${n(c.i)}`, 'default');
      return pod ? all(expectEq('image', pod.spec.containers[0].image, 'busybox:1.36'), JSON.stringify(pod.spec.containers[0].command ?? []).includes('sleep') ? true : 'no command') : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Pod', `box${n(i)}`, 'default'),
  },
  {
    id: 'pod with env from a ConfigMap',
    say: ['create a pod cfg1 in todo with image nginx:1.27 and env from configmap todo-config', 'run pod cfg2 in todo from nginx:1.27 with environment variables from configmap todo-config', 'create a pod cfg3 in todo using nginx:1.27 with all keys of configmap todo-config as env', 'launch pod cfg4 in todo with image nginx:1.27 loading env from the todo-config configmap', 'create pod cfg5 in todo, image nginx:1.27, env from config map todo-config', 'make a pod cfg6 in todo with nginx:1.27 and environment from configmap todo-config', 'start a pod cfg7 in todo with image nginx:1.27, with env vars from configmap todo-config', 'new pod cfg8 in todo with image nginx:1.27 and variables from configmap todo-config'],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `cfg${n(c.i)}`, 'todo');
      return pod ? expectEq('envFrom', pod.spec.containers[0].envFrom, [{ configMapRef: { name: 'todo-config' } }]) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Pod', `cfg${n(i)}`, 'todo'),
  },
  {
    id: 'pod with a ConfigMap volume',
    say: ['create a pod vol1 in todo with image nginx:1.27 mounting configmap todo-config at /etc/config', 'run pod vol2 in todo from nginx:1.27 and mount the todo-config configmap at /etc/config', 'create pod vol3 in todo with image nginx:1.27 and configmap todo-config mounted at /etc/config', 'launch a pod vol4 in todo using nginx:1.27 with config map todo-config mounted on /etc/config', 'make pod vol5 in todo, image nginx:1.27, mount configmap todo-config to /etc/config', 'create a pod vol6 in todo running nginx:1.27 that mounts configmap todo-config at /etc/config', 'start pod vol7 in todo with nginx:1.27; mount configmap todo-config under /etc/config', 'new pod vol8 in todo with image nginx:1.27 mounting the configmap todo-config at /etc/config'],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `vol${n(c.i)}`, 'todo');
      if (!pod) return 'not created';
      const volume = (pod.spec.volumes ?? []).find((v: Json) => v.configMap?.name === 'todo-config');
      const mount = (pod.spec.containers[0].volumeMounts ?? []).find((m: Json) => m.mountPath === '/etc/config');
      return volume && mount && mount.name === volume.name ? true : `volumes ${JSON.stringify(pod.spec.volumes)}`;
    },
    cleanup: (g, i) => remove(g, 'Pod', `vol${n(i)}`, 'todo'),
  },
  {
    id: 'pod with a sidecar',
    say: ['create a pod side1 with image nginx:1.27 and a sidecar busybox:1.36', 'run pod side2 from nginx:1.27 with a busybox:1.36 sidecar', 'create pod side3 with nginx:1.27 plus a sidecar container running busybox:1.36', 'launch a pod side4 using nginx:1.27 with a sidecar using image busybox:1.36', 'make a pod side5: nginx:1.27 and sidecar busybox:1.36', 'create a pod side6 with image nginx:1.27 and a second container busybox:1.36', 'new pod side7 running nginx:1.27 with a logging sidecar busybox:1.36', 'start pod side8 with nginx:1.27 and another container busybox:1.36'],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `side${n(c.i)}`, 'default');
      return pod ? expectEq('images', pod.spec.containers.map((x: Json) => x.image), ['nginx:1.27', 'busybox:1.36']) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Pod', `side${n(i)}`, 'default'),
  },
  {
    id: 'pod with an init container',
    say: ['create a pod init1 with image nginx:1.27 and an init container busybox:1.36', 'run pod init2 from nginx:1.27 with init container busybox:1.36', 'create pod init3 using nginx:1.27 with an init container running busybox:1.36', 'launch a pod init4 with nginx:1.27 and an initContainer busybox:1.36', 'make pod init5 with image nginx:1.27 plus init container image busybox:1.36', 'create a pod init6 running nginx:1.27, with a busybox:1.36 init container', 'new pod init7: nginx:1.27 with init-container busybox:1.36', 'start a pod init8 with nginx:1.27 and an init container using busybox:1.36'],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `init${n(c.i)}`, 'default');
      return pod ? all(expectEq('init', pod.spec.initContainers?.map((x: Json) => x.image), ['busybox:1.36']), expectEq('main', pod.spec.containers.map((x: Json) => x.image), ['nginx:1.27'])) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Pod', `init${n(i)}`, 'default'),
  },
  {
    id: 'deployment with resources',
    say: ['create a deployment res1 with image nginx:1.27 requesting 100m cpu and 128Mi memory', 'deploy nginx:1.27 as res2 with cpu request 100m and memory request 128Mi', 'create deployment res3 using nginx:1.27 with requests of 100m cpu and 128Mi memory', 'spin up deployment res4 from nginx:1.27 that requests 100m cpu and 128Mi ram', 'make a deployment res5 with nginx:1.27, requests cpu 100m memory 128Mi', 'new deployment res6 with image nginx:1.27 and resource requests 100m cpu, 128Mi memory', 'create a deployment called res7 running nginx:1.27 with a cpu request of 100m and a memory request of 128Mi', 'launch deployment res8 with nginx:1.27 reserving 100m cpu and 128Mi memory'],
    check: async (c) => {
      const d = await dep(c.gateway, `res${n(c.i)}`, 'default');
      return d ? expectEq('requests', d.spec.template.spec.containers[0].resources?.requests, { cpu: '100m', memory: '128Mi' }) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Deployment', `res${n(i)}`, 'default'),
  },
  {
    id: 'pod with a liveness probe',
    say: ['create a pod probe1 with image nginx:1.27 and a liveness probe on /healthz port 80', 'run pod probe2 from nginx:1.27 with a liveness probe hitting /healthz on port 80', 'create pod probe3 using nginx:1.27 with liveness check /healthz port 80', 'launch a pod probe4 with nginx:1.27 and an http liveness probe at /healthz port 80', 'make pod probe5 with image nginx:1.27, liveness probe /healthz on port 80', 'create a pod probe6 running nginx:1.27 whose liveness probe checks /healthz port 80', 'new pod probe7 with nginx:1.27 and liveness probe path /healthz port 80', 'start pod probe8 with image nginx:1.27 plus a liveness probe to /healthz port 80'],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `probe${n(c.i)}`, 'default');
      return pod ? expectEq('probe', pod.spec.containers[0].livenessProbe?.httpGet?.path, '/healthz') : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Pod', `probe${n(i)}`, 'default'),
  },
  {
    id: 'pod with a node selector',
    say: ['create a pod sel1 with image nginx:1.27 on nodes with disktype=ssd', 'run pod sel2 from nginx:1.27 with node selector disktype=ssd', 'create pod sel3 using nginx:1.27 scheduled on nodes labelled disktype=ssd', 'launch a pod sel4 with nginx:1.27 only on nodes having disktype=ssd', 'make pod sel5, image nginx:1.27, nodeSelector disktype=ssd', 'create a pod sel6 running nginx:1.27 that must run on nodes with label disktype=ssd', 'new pod sel7 with nginx:1.27 pinned to nodes disktype=ssd', 'start pod sel8 with image nginx:1.27 and node selector disktype=ssd'],
    check: async (c) => {
      const pod = await get(c.gateway, 'Pod', `sel${n(c.i)}`, 'default');
      return pod ? all(expectEq('nodeSelector', pod.spec.nodeSelector, { disktype: 'ssd' }), expectEq('env', pod.spec.containers[0].env, undefined)) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Pod', `sel${n(i)}`, 'default'),
  },
  {
    id: 'create a ConfigMap',
    say: ['create a configmap settings1 with MODE=fast', 'make a config map settings2 holding MODE=fast', 'add configmap settings3 with MODE=fast', 'new config map settings4: MODE=fast', 'create config map named settings5 containing MODE=fast', 'store MODE=fast in a new configmap settings6', 'set up a configmap called settings7 with MODE=fast', 'I need a configmap settings8 with the value MODE=fast'],
    check: async (c) => expectEq('data', (await get(c.gateway, 'ConfigMap', `settings${n(c.i)}`, 'default'))?.data, { MODE: 'fast' }),
    cleanup: (g, i) => remove(g, 'ConfigMap', `settings${n(i)}`, 'default'),
  },
  {
    id: 'create a Secret',
    say: ['create a secret creds1 with password=s3cret', 'make a secret creds2 holding password=s3cret', 'add secret creds3 with password s3cret', 'new secret creds4: password=s3cret', 'create a secret named creds5 containing password=s3cret', 'store password=s3cret in a new secret creds6', 'set up a secret called creds7 with password=s3cret', 'I need a secret creds8 with password=s3cret'],
    check: async (c) => {
      const s = await get(c.gateway, 'Secret', `creds${n(c.i)}`, 'default');
      return s ? expectEq('password', Buffer.from(s.data?.password ?? '', 'base64').toString(), 's3cret') : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Secret', `creds${n(i)}`, 'default'),
  },
  {
    id: 'create a Service',
    say: ['create a service svc1 for deployment web-app on port 80', 'make a service named svc2 in front of web-app on port 80', 'add service svc3 selecting web-app on port 80', 'create svc svc4 for the web-app deployment, port 80', 'new service svc5 exposing web-app on port 80', 'set up a service called svc6 that targets web-app on port 80', 'create a clusterip service svc7 for web-app port 80', 'I need a service svc8 for web-app listening on port 80'],
    check: async (c) => {
      const s = await get(c.gateway, 'Service', `svc${n(c.i)}`, 'todo');
      return s ? all(expectEq('selector', s.spec.selector, { app: 'web-app' }), expectEq('port', s.spec.ports[0].port, 80)) : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Service', `svc${n(i)}`, 'todo'),
  },
  {
    id: 'create a service account',
    say: ['create service account robot1 in todo', 'make a new serviceaccount robot2 in todo', 'add a service account named robot3 in namespace todo', 'set up service account robot4 in the todo namespace', 'create a serviceaccount called robot5 in todo', 'new service account robot6 in todo', 'I need a service account robot7 in todo', 'provision service account robot8 in todo'],
    check: (c) => created(c.gateway, 'ServiceAccount', `robot${n(c.i)}`, 'todo'),
    cleanup: (g, i) => remove(g, 'ServiceAccount', `robot${n(i)}`, 'todo'),
  },
  {
    id: 'read-only access for a service account',
    say: ['give service account reader1 read-only access to pods in todo', 'create a role so that service account reader2 can get, list and watch pods in todo', 'grant reader3 service account read access to pods in namespace todo', 'service account reader4 should be able to read pods in todo', 'allow service account reader5 to list pods in todo read-only', 'set up read-only pod access for service account reader6 in todo', 'create read only access to pods for service account reader7 in ns todo', 'grant service account reader8 permission to view pods in todo'],
    check: async (c) => {
      const bindings = (await c.gateway.list('RoleBinding', { namespace: 'todo' })) as Json[];
      const binding = bindings.find((b) => b.subjects?.some((s: Json) => s.kind === 'ServiceAccount' && s.name === `reader${n(c.i)}`));
      if (!binding) return 'no RoleBinding';
      const role = await get(c.gateway, 'Role', binding.roleRef.name, 'todo');
      const rule = role?.rules?.find((r: Json) => r.resources?.includes('pods'));
      return rule && rule.verbs.includes('list') && !rule.verbs.includes('delete') ? created(c.gateway, 'ServiceAccount', `reader${n(c.i)}`, 'todo') : `role ${JSON.stringify(role?.rules)}`;
    },
  },
  {
    id: 'deny all ingress (NetworkPolicy)',
    setup: async (g) => {
      for (const p of await g.list('NetworkPolicy', { namespace: 'batch' })) await g.delete({ kind: 'NetworkPolicy', name: p.metadata.name, namespace: 'batch' });
    },
    say: ['deny all ingress traffic in namespace batch', 'create a network policy that denies all incoming traffic in batch', 'block all ingress in the batch namespace', 'add a default deny ingress policy to batch', 'set up a deny-all network policy in batch', 'no pod in batch should accept incoming traffic: create a default deny policy', 'create a networkpolicy in batch denying all ingress', 'isolate all pods in namespace batch from incoming traffic'],
    check: async (c) => ((await c.gateway.list('NetworkPolicy', { namespace: 'batch' })) as Json[]).some((p) => JSON.stringify(p.spec.podSelector) === '{}' && p.spec.policyTypes?.includes('Ingress') && !(p.spec.ingress ?? []).length) ? true : 'no deny-all policy',
  },
  {
    id: 'allow traffic from one app (NetworkPolicy)',
    setup: async (g) => {
      for (const p of await g.list('NetworkPolicy', { namespace: 'todo' })) await g.delete({ kind: 'NetworkPolicy', name: p.metadata.name, namespace: 'todo' });
    },
    say: ['allow traffic to backend only from frontend in todo', 'create a network policy in todo so that only frontend can reach backend', 'only allow ingress to backend from frontend in namespace todo', 'allow frontend to talk to backend in todo and block everything else', 'restrict access to backend to traffic from frontend in todo', 'create a networkpolicy in todo: backend accepts connections only from frontend', 'permit traffic from frontend to backend only, in todo', 'let only the frontend pods connect to backend in todo'],
    check: async (c) => ((await c.gateway.list('NetworkPolicy', { namespace: 'todo' })) as Json[]).some((p) => p.spec.podSelector?.matchLabels?.app === 'backend' && p.spec.ingress?.[0]?.from?.some((f: Json) => f.podSelector?.matchLabels?.app === 'frontend')) ? true : 'no such policy',
  },
  {
    id: 'allow DNS egress (NetworkPolicy)',
    setup: async (g) => {
      for (const p of await g.list('NetworkPolicy', { namespace: 'batch' })) await g.delete({ kind: 'NetworkPolicy', name: p.metadata.name, namespace: 'batch' });
    },
    say: ['allow dns egress for all pods in batch', 'create a network policy in batch allowing DNS egress', 'let pods in batch reach DNS', 'permit outgoing dns traffic in namespace batch', 'add an egress rule for dns in batch', 'allow egress to port 53 for DNS in batch', 'batch pods must be able to resolve DNS: allow dns egress', 'create a netpol in batch that allows dns lookups out'],
    check: async (c) => ((await c.gateway.list('NetworkPolicy', { namespace: 'batch' })) as Json[]).some((p) => p.spec.policyTypes?.includes('Egress') && JSON.stringify(p.spec.egress ?? []).includes('53')) ? true : 'no dns egress policy',
  },
  {
    id: 'autoscale (HPA)',
    setup: (g) => remove(g, 'HorizontalPodAutoscaler', 'web-app', 'todo'),
    say: ['autoscale web-app between 2 and 6 replicas at 60% cpu', 'create an hpa for web-app with min 2 max 6 targeting 60% cpu', 'set up autoscaling for web-app from 2 to 6 pods at 60 percent cpu', 'add a horizontal pod autoscaler to web-app: 2-6 replicas, 60% cpu', 'make web-app autoscale between 2 and 6 pods when cpu is above 60%', 'autoscale the web-app deployment from 2 to 6 replicas on 60% cpu', 'web-app should scale automatically between 2 and 6 replicas at 60% cpu', 'create a horizontal autoscaler for web-app, minimum 2, maximum 6, cpu 60%'],
    check: async (c) => {
      const h = await get(c.gateway, 'HorizontalPodAutoscaler', 'web-app', 'todo');
      return h ? all(expectEq('min', h.spec.minReplicas, 2), expectEq('max', h.spec.maxReplicas, 6), expectEq('target', h.spec.scaleTargetRef.name, 'web-app')) : 'not created';
    },
    cleanup: async (g) => {
      await remove(g, 'HorizontalPodAutoscaler', 'web-app', 'todo');
      await scaleTo(g, 'web-app', 2);
    },
  },
  {
    id: 'StatefulSet with a volume claim template',
    say: ['create a statefulset cache1 with image redis:7.2 and a 1Gi volume at /data', 'create a stateful set cache2 running redis:7.2 with 1Gi of storage mounted at /data', 'deploy redis:7.2 as statefulset cache3 with a 1Gi persistent volume at /data', 'make a statefulset called cache4 using redis:7.2, volume claim template of 1Gi at /data', 'new statefulset cache5 with redis:7.2 and 1Gi storage on /data', 'set up statefulset cache6 from redis:7.2 with a 1Gi volume claim mounted at /data', 'create sts cache7 with image redis:7.2 and 1Gi of disk at /data', 'I need a statefulset cache8 running redis:7.2 with a 1Gi data volume at /data'],
    check: async (c) => {
      const s = await get(c.gateway, 'StatefulSet', `cache${n(c.i)}`, 'default');
      return s ? expectEq('storage', s.spec.volumeClaimTemplates?.[0]?.spec?.resources?.requests?.storage, '1Gi') : 'not created';
    },
    cleanup: async (g, i) => {
      await remove(g, 'StatefulSet', `cache${n(i)}`, 'default');
      await remove(g, 'Service', `cache${n(i)}`, 'default');
    },
  },
  {
    id: 'namespace with a quota',
    say: ['create namespace team-1 with a quota of 10 pods', 'make a namespace team-2 limited to 10 pods', 'create a new namespace called team-3 with a resource quota of max 10 pods', 'set up namespace team-4 with a quota: 10 pods', 'add namespace team-5 and cap it at 10 pods', 'create namespace team-6 allowing at most 10 pods', 'new namespace team-7 with a pod quota of 10 pods', 'provision namespace team-8 with a resource quota limiting it to 10 pods'],
    check: async (c) => {
      const quotas = (await c.gateway.list('ResourceQuota', { namespace: `team-${n(c.i)}` })) as Json[];
      return quotas.some((q) => String(q.spec.hard?.pods) === '10') ? true : `quotas ${JSON.stringify(quotas.map((q) => q.spec))}`;
    },
  },
  {
    id: 'namespace with default deny',
    say: ['create namespace sec-1 with a default deny network policy', 'make a namespace sec-2 where all ingress is denied by default', 'create a new namespace sec-3 with default-deny', 'set up namespace sec-4 and deny all traffic by default', 'add namespace sec-5 with a deny-all policy', 'create namespace sec-6, isolated with a default deny policy', 'new namespace sec-7 with default deny ingress', 'provision namespace sec-8 locked down with a default deny network policy'],
    check: async (c) => ((await c.gateway.list('NetworkPolicy', { namespace: `sec-${n(c.i)}` })) as Json[]).some((p) => JSON.stringify(p.spec.podSelector) === '{}') ? true : 'no default deny',
  },
  {
    id: 'canary next to a stable deployment',
    setup: (g) => remove(g, 'Deployment', 'backend-canary', 'todo'),
    say: ['create a canary of backend with version 1.1', 'add a canary deployment for backend running todo/backend:1.1', 'set up a canary of backend next to the stable one with image todo/backend:1.1', 'canary backend with version 1.1', 'deploy a canary for backend using 1.1', 'start a backend canary on todo/backend:1.1 with 1 replica', 'create a canary release of backend at version 1.1', 'roll out a canary of backend with tag 1.1 alongside the stable version'],
    check: async (c) => {
      const canary = await dep(c.gateway, 'backend-canary');
      const svc = await get(c.gateway, 'Service', 'backend', 'todo');
      if (!canary) return 'not created';
      const labels = canary.spec.template.metadata.labels;
      const shared = Object.entries(svc?.spec?.selector ?? {}).every(([k, v]) => labels[k] === v);
      return all(expectEq('image', canary.spec.template.spec.containers[0].image, 'todo/backend:1.1'), shared ? true : 'the service does not select the canary');
    },
    cleanup: (g) => remove(g, 'Deployment', 'backend-canary', 'todo'),
  },
  {
    id: 'namespace and a deployment in it (multi-step)',
    say: ['create namespace dev-1 and deploy nginx 1.27 there with 2 replicas', 'make namespace dev-2, then deploy nginx:1.27 in it with 2 replicas', 'create a namespace dev-3 and run nginx 1.27 there with two replicas', 'set up namespace dev-4 and then create a deployment nginx with image nginx:1.27 and 2 replicas in it', 'new namespace dev-5; deploy nginx 1.27 there, 2 replicas', 'create namespace dev-6 and deploy 2 replicas of nginx:1.27 there', 'add a namespace dev-7 and deploy nginx 1.27 into it with 2 replicas', 'provision namespace dev-8 then deploy nginx version 1.27 there with 2 pods'],
    check: async (c) => {
      const d = await dep(c.gateway, 'nginx', `dev-${n(c.i)}`);
      return d ? all(expectEq('replicas', d.spec.replicas, 2), expectEq('image', d.spec.template.spec.containers[0].image, 'nginx:1.27')) : 'no deployment nginx';
    },
  },
  {
    id: 'create a Job',
    say: ["create a job once1 with image busybox:1.36 running 'echo hello'", "run a job once2 from busybox:1.36 with command 'echo hello'", "create job once3 using busybox:1.36 that runs 'echo hello'", "launch a job called once4 with busybox:1.36 executing 'echo hello'", "make a one-off job once5: busybox:1.36, command 'echo hello'", "new job once6 running busybox:1.36 with 'echo hello'", "start a job once7 with image busybox:1.36 and command 'echo hello'", "set up a job named once8 that runs 'echo hello' in busybox:1.36"],
    check: async (c) => {
      const j = await get(c.gateway, 'Job', `once${n(c.i)}`, 'default');
      return j ? expectEq('image', j.spec.template.spec.containers[0].image, 'busybox:1.36') : 'not created';
    },
    cleanup: (g, i) => remove(g, 'Job', `once${n(i)}`, 'default'),
  },
  {
    id: 'create a CronJob',
    say: ["create a cronjob tick1 with image busybox:1.36 running 'date' every 5 minutes", "run 'date' in busybox:1.36 every 5 minutes as cronjob tick2", "create cron job tick3 using busybox:1.36 that runs 'date' every 5 minutes", "schedule a cronjob called tick4 with busybox:1.36 executing 'date' every 5 minutes", "make a cronjob tick5: busybox:1.36, command 'date', every 5 minutes", "new cronjob tick6 running 'date' with busybox:1.36 every 5 minutes", "set up cronjob tick7 every 5 minutes with image busybox:1.36 and command 'date'", "I need a cronjob named tick8 that runs 'date' in busybox:1.36 every 5 minutes"],
    check: async (c) => expectEq('schedule', (await get(c.gateway, 'CronJob', `tick${n(c.i)}`, 'default'))?.spec?.schedule, '*/5 * * * *'),
    cleanup: (g, i) => remove(g, 'CronJob', `tick${n(i)}`, 'default'),
  },
  // reads: the answer carries the data, nothing changes
  {
    id: 'which images are running',
    say: ['what images are running', 'which images are deployed', 'list the container images in use', 'show me every image running in the cluster', 'what container images do we run', 'which versions are deployed right now', 'list all images of running pods', 'what images are my pods using'],
    check: async (c) => all(planned(c.outcome), c.result.includes('todo/backend:') ? true : 'no image table'),
  },
  {
    id: 'list pods of a namespace',
    say: ['list pods in todo', 'show me the pods in the todo namespace', 'what pods are running in todo', 'get pods -n todo', 'which pods exist in todo', 'display all pods of namespace todo', 'pods in todo please', 'what is running in todo'],
    check: async (c) => all(planned(c.outcome), /todo\/backend-/.test(c.result) ? true : 'no pod table'),
  },
  {
    id: 'describe an object',
    say: ['describe deployment backend', 'show me the details of the backend deployment', 'what is the status of deployment backend', 'tell me about deployment backend', 'give me info on the backend deployment', 'describe the backend deployment in todo', 'details of deployment backend please', 'inspect deployment backend'],
    check: async (c) => all(planned(c.outcome), /backend/.test(c.result) ? true : 'no description'),
  },
  {
    id: 'read logs',
    say: ['show logs of frontend', 'frontend logs', 'tail the frontend logs', 'what did frontend print', 'fetch the logs from frontend', 'show me the frontend log output', 'read the logs of the frontend deployment', 'get frontend logs from the last hour'],
    check: async (c) => all(planned(c.outcome), c.result.includes('Next.js') ? true : `no log lines: ${c.result.slice(0, 120)}`),
  },
  {
    id: 'why is it pending',
    say: ['why is huge pending', "what's wrong with huge", 'why are the huge pods stuck', 'diagnose huge', 'why does huge not start', 'troubleshoot the huge deployment', 'huge is not running, why', 'investigate huge'],
    check: async (c) => all(planned(c.outcome), /Insufficient cpu|insufficient|unschedul/i.test(c.result) ? true : `no cause: ${c.result.slice(0, 160)}`),
  },
  {
    id: 'what changed recently',
    say: ['what changed in the last hour', 'what changed recently in todo', 'show recent changes', 'what happened in the cluster in the past hour', 'list recent events and rollouts', 'any changes in the last 30 minutes', 'show me the latest changes in todo', 'what was modified in the last hour'],
    check: async (c) => all(planned(c.outcome), c.outcome.kind === 'plan' && c.outcome.plan.risk === 'read' && c.result.length > 0 ? true : 'no answer'),
  },
  {
    id: 'top pods by memory (metrics)',
    say: ['which pods use the most memory', 'show me pods using the most memory', 'top pods by memory', 'what pods consume the most ram', 'which pods have the highest memory usage', 'list the pods with the biggest memory use', 'heaviest pods by memory', 'pods using the most memory in todo'],
    check: async (c) => (c.outcome.kind === 'metrics' && c.outcome.metric.name === 'top-pods-by-memory' ? true : `answered ${c.outcome.kind}`),
  },
  // honest refusals: never a plan on something invented
  {
    id: 'out of scope → refused',
    say: ['exec into backend and run ls', 'port-forward frontend 8080', 'open a shell in the backend pod', 'ssh into sim-worker-1', 'copy a file out of the frontend pod', 'upgrade kubernetes to the next minor version', 'attach to the backend container', 'install the prometheus helm chart'],
    check: async (c) => refused(c.outcome),
  },
  {
    id: 'nonsense and unknown objects → refused or asked',
    say: ['make me a sandwich', "what's the weather in paris", 'restart the flux capacitor', 'scale the unicorn deployment to 3', 'delete the pods using the most memory', 'banana purple elephant', 'label the moon with phase=full', 'resize the galaxy volume to 20Gi'],
    check: async (c) => refused(c.outcome),
  },
];

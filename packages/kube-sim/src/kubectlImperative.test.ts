import * as k8s from '@kubernetes/client-node';
import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { authHeaders, createKubectl, type KubectlResult } from './testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}
const json = async (...args: string[]) => JSON.parse(await ok(['get', ...args, '-o', 'json']));
const settle = () => new Promise((r) => setTimeout(r, 30));
async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    await clock.advance(1000);
    await settle();
  }
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
}, 60_000);
afterAll(async () => sim?.stop());

describe('imperative kubectl commands sending protobuf bodies', () => {
  it('creates namespaces, deployments, config maps, secrets, jobs and services', async () => {
    expect(await ok(['create', 'namespace', 'team'])).toBe('namespace/team created\n');
    expect(
      await ok(['create', 'deployment', 'web', '-n', 'team', '--image=nginx:1.27', '--replicas=2', '--port=80']),
    ).toBe('deployment.apps/web created\n');
    const web = JSON.parse(await ok(['get', 'deploy', 'web', '-n', 'team', '-o', 'json', '--show-managed-fields']));
    expect(web.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: 'web' } } });
    expect(web.spec.template.spec.containers[0]).toMatchObject({
      name: 'nginx',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      imagePullPolicy: 'IfNotPresent',
    });
    expect(web.metadata.managedFields[0]).toMatchObject({ manager: 'kubectl-create', operation: 'Update' });

    await ok(['create', 'configmap', 'cfg', '-n', 'team', '--from-literal=a=1', '--from-literal=b=2']);
    expect((await json('cm', 'cfg', '-n', 'team')).data).toEqual({ a: '1', b: '2' });
    await ok(['create', 'secret', 'generic', 'pw', '-n', 'team', '--from-literal=password=s3cret']);
    const secret = await json('secret', 'pw', '-n', 'team');
    expect(secret).toMatchObject({ type: 'Opaque', data: { password: Buffer.from('s3cret').toString('base64') } });
    await ok(['create', 'job', 'once', '-n', 'team', '--image=busybox:1.36', '--', 'echo', 'hi']);
    expect((await json('job', 'once', '-n', 'team')).spec.template.spec.containers[0].command).toEqual(['echo', 'hi']);
    await ok(['create', 'service', 'clusterip', 'web', '-n', 'team', '--tcp=80:8080']);
    expect(await ok(['get', 'svc', 'web', '-n', 'team'])).toMatch(
      /web\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP/,
    );
    expect((await json('svc', 'web', '-n', 'team')).spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080 });
  });

  it('autoscales and exposes a deployment', async () => {
    expect(await ok(['autoscale', 'deployment', 'web', '-n', 'team', '--min=2', '--max=5', '--cpu=70%'])).toBe(
      'horizontalpodautoscaler.autoscaling/web autoscaled\n',
    );
    const hpa = await json('hpa', 'web', '-n', 'team');
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ],
    });
    expect(
      await ok(['expose', 'deployment', 'web', '-n', 'team', '--name=web-8080', '--port=8080', '--target-port=80']),
    ).toBe('service/web-8080 exposed\n');
  });

  it('creates RBAC objects, quotas, budgets, ingresses, priority classes and service accounts', async () => {
    const commands = [
      ['create', 'serviceaccount', 'ci', '-n', 'team'],
      ['create', 'role', 'reader', '-n', 'team', '--verb=get,list', '--resource=pods'],
      ['create', 'rolebinding', 'ci-reads', '-n', 'team', '--role=reader', '--serviceaccount=team:ci'],
      ['create', 'clusterrole', 'node-reader', '--verb=get', '--resource=nodes'],
      ['create', 'clusterrolebinding', 'bob-reads', '--clusterrole=node-reader', '--user=bob'],
      ['create', 'quota', 'small', '-n', 'team', '--hard=pods=20,requests.cpu=8'],
      ['create', 'poddisruptionbudget', 'web', '-n', 'team', '--selector=app=web', '--max-unavailable=1'],
      ['create', 'ingress', 'web', '-n', 'team', '--rule=web.example.com/=web:80'],
      ['create', 'priorityclass', 'high', '--value=1000', '--description=important'],
    ];
    for (const command of commands) expect(await ok(command)).toMatch(/ created\n$/);
    expect((await json('role', 'reader', '-n', 'team')).rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
    ]);
    expect((await json('rolebinding', 'ci-reads', '-n', 'team')).subjects).toEqual([
      { kind: 'ServiceAccount', name: 'ci', namespace: 'team' },
    ]);
    expect((await json('quota', 'small', '-n', 'team')).spec.hard).toEqual({ pods: '20', 'requests.cpu': '8' });
    expect((await json('pdb', 'web', '-n', 'team')).spec.maxUnavailable).toBe(1);
    expect((await json('ingress', 'web', '-n', 'team')).spec.rules[0]).toMatchObject({
      host: 'web.example.com',
      http: { paths: [{ path: '/', pathType: 'Exact', backend: { service: { name: 'web', port: { number: 80 } } } }] },
    });
    expect(await json('priorityclass', 'high')).toMatchObject({ value: 1000, description: 'important' });
  });

  it('answers a clear 415 for a protobuf kind it has no schema for', async () => {
    const plain = await startSimCluster({ tls: false, controllers: false });
    try {
      const typeMeta = Buffer.from('\n\u0007apps/v1\u0012\u0009DaemonSet', 'latin1');
      const raw = Buffer.concat([
        Buffer.from('k8s\u0000\n', 'latin1'),
        Buffer.from([typeMeta.length]),
        typeMeta,
        Buffer.from('\u0012\u0000', 'latin1'),
      ]);
      const res = await fetch(`${plain.url}/apis/apps/v1/namespaces/default/daemonsets`, {
        method: 'POST',
        body: raw,
        headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf', ...authHeaders(plain) },
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { message: string }).message).toBe(
        'the simulated cluster does not decode protobuf bodies of DaemonSet (apps/v1); use `kubectl create -f FILE` or `kubectl apply -f FILE` with YAML or JSON',
      );
    } finally {
      await plain.stop();
    }
  });
});

describe('kubectl drain', () => {
  it('cordons, evicts honouring disruption budgets, and the pods come back elsewhere', async () => {
    await ok(['create', 'deployment', 'api', '--image=nginx:1.27', '--replicas=3']);
    await advance(8_000);
    const pods = (await json('pods', '-l', 'app=api')).items as {
      metadata: { name: string };
      spec: { nodeName: string };
    }[];
    expect(pods).toHaveLength(3);
    // Two workers take the three pods (the control plane is tainted): drain the one holding a single pod, so that
    // the budget below allows its eviction while the manual clock stands still.
    const perNode = (n: string) => pods.filter((p) => p.spec.nodeName === n).map((p) => p.metadata.name);
    const node = [...new Set(pods.map((p) => p.spec.nodeName))].sort(
      (a, b) => perNode(a).length - perNode(b).length,
    )[0]!;
    const onNode = perNode(node);
    expect(onNode).toHaveLength(1);

    await ok(['create', 'poddisruptionbudget', 'api', '--selector=app=api', '--min-available=3']);
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const evict = (name: string) =>
      core
        .createNamespacedPodEviction({
          name,
          namespace: 'default',
          body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } },
        })
        .then(() => undefined)
        .catch((e: k8s.ApiException<string>) => e);
    const refused = await evict(onNode[0]!);
    expect(refused?.code).toBe(429);
    expect(JSON.parse(String(refused?.body))).toMatchObject({
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: {
        causes: [
          { reason: 'DisruptionBudget', message: 'The disruption budget api needs 3 healthy pods and has 3 currently' },
        ],
      },
    });
    await ok(['patch', 'pdb', 'api', '--type=merge', '-p', '{"spec":{"minAvailable":2}}']);
    const drained = await ok(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=10s']);
    for (const name of onNode) expect(drained).toContain(`pod/${name} evicted`);
    expect(drained).toContain(`node/${node} drained`);
    await advance(8_000);
    const after = (await json('pods', '-l', 'app=api')).items as {
      metadata: { name: string };
      spec: { nodeName: string };
    }[];
    expect(after).toHaveLength(3);
    expect(after.every((p) => p.spec.nodeName && p.spec.nodeName !== node)).toBe(true);
    expect((await json('node', node)).spec.unschedulable).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { createKubectl, type KubectlResult } from './testing/index.js';

let sim: SimCluster;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;
const todo = readFileSync(join(import.meta.dirname, '__fixtures__', 'todo.yaml'), 'utf8');

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The Todo fixture in a namespace of its own, so that no test depends on what another one left behind. */
function todoIn(ns: string): string {
  return todo.replace('  name: todo\n', `  name: ${ns}\n`).replaceAll('namespace: todo', `namespace: ${ns}`);
}

/** Creates the Todo fixture in `ns` and waits until its backend has rolled out. */
async function freshTodo(ns: string): Promise<string> {
  await ok(['create', '-f', '-'], todoIn(ns));
  await ok(['rollout', 'status', 'deploy/backend', '-n', ns, '--timeout=60s']);
  return ns;
}

beforeAll(async () => {
  sim = await startSimCluster();
  kubectl = createKubectl(sim.kubeconfig);
}, 120_000);
afterAll(async () => sim?.stop());

describe('real kubectl against the simulated cluster', () => {
  it('reports the server version and lists nodes as a table', async () => {
    expect(await ok(['version', '-o', 'json'])).toContain('"minor": "32"');
    const nodes = await ok(['get', 'nodes']);
    expect(nodes).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(nodes).toMatch(/sim-control-plane\s+Ready\s+control-plane/);
  });

  it('creates from a multi-document file with create -f', async () => {
    const out = await ok(['create', '-f', '-'], todoIn('created'));
    expect(out).toContain('namespace/created created');
    expect(out).toContain('deployment.apps/backend created');
    expect(out).toContain('service/backend created');
  });

  it('gets with the usual columns, -o json|yaml|name|jsonpath, -A, -l and --field-selector', async () => {
    const ns = await freshTodo('gets');
    expect(await ok(['get', 'deploy', '-n', ns])).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nbackend\s+\d\/2/,
    );
    expect(await ok(['get', 'svc', '-n', ns])).toMatch(
      /NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nbackend\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP/,
    );
    expect(JSON.parse(await ok(['get', 'deployment', 'backend', '-n', ns, '-o', 'json'])).spec.replicas).toBe(2);
    expect(await ok(['get', 'deployment', 'backend', '-n', ns, '-o', 'yaml'])).toContain(
      'progressDeadlineSeconds: 600',
    );
    expect(await ok(['get', 'deploy,svc', '-n', ns, '-o', 'name'])).toBe('deployment.apps/backend\nservice/backend\n');
    expect(
      await ok(['get', 'deploy', 'backend', '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
    ).toBe('todo/backend:1.0');
    expect(await ok(['get', 'deploy', '-A'])).toMatch(/NAMESPACE\s+NAME\s+READY/);
    expect(await ok(['get', 'svc', '-A', '-l', 'app=nothing'])).toBe('');
    expect(await ok(['get', 'ns', '--field-selector', `metadata.name=${ns}`, '-o', 'name'])).toBe(`namespace/${ns}\n`);
  });

  it('applies client-side and server-side, with server dry-run leaving nothing behind', async () => {
    const ns = await freshTodo('applies');
    const changed = todoIn(ns).replace('replicas: 2', 'replicas: 3').replace('value: info', 'value: debug');
    expect(await ok(['apply', '-f', '-'], changed)).toContain('deployment.apps/backend configured');
    const dep = JSON.parse(await ok(['get', 'deploy', 'backend', '-n', ns, '-o', 'json']));
    expect(dep.spec.replicas).toBe(3);
    expect(dep.spec.template.spec.containers[0].env).toEqual([{ name: 'LOG_LEVEL', value: 'debug' }]);
    const dry = await ok(
      ['apply', '--dry-run=server', '-f', '-'],
      todoIn(ns).replace(`name: backend\n  namespace: ${ns}\n  labels`, `name: ghost\n  namespace: ${ns}\n  labels`),
    );
    expect(dry).toContain('(server dry run)');
    expect((await kubectl(['get', 'deploy', 'ghost', '-n', ns])).code).not.toBe(0);
    const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: todo-config\n  namespace: ${ns}\ndata:\n  API_URL: http://backend\n`;
    expect(await ok(['apply', '--server-side', '-f', '-'], cm)).toContain('configmap/todo-config serverside-applied');
  });

  it('labels, annotates, scales, patches and sets images', async () => {
    const ns = await freshTodo('labels');
    await ok(['label', 'deploy', 'backend', '-n', ns, 'tier=api']);
    await ok(['annotate', 'deploy', 'backend', '-n', ns, 'owner=platform']);
    await ok(['scale', 'deploy', 'backend', '-n', ns, '--replicas=5']);
    await ok([
      'patch',
      'deploy',
      'backend',
      '-n',
      ns,
      '--type=json',
      '-p',
      '[{"op":"add","path":"/spec/minReadySeconds","value":5}]',
    ]);
    await ok(['set', 'image', 'deploy/backend', '-n', ns, 'api=todo/backend:1.1']);
    const dep = JSON.parse(await ok(['get', 'deploy', 'backend', '-n', ns, '-o', 'json']));
    expect(dep.metadata.labels.tier).toBe('api');
    expect(dep.metadata.annotations.owner).toBe('platform');
    expect(dep.spec.replicas).toBe(5);
    expect(dep.spec.minReadySeconds).toBe(5);
    expect(dep.spec.template.spec.containers[0].image).toBe('todo/backend:1.1');
  });

  it('explains refusals with the real messages', async () => {
    const ns = await freshTodo('refusals');
    const missing = await kubectl(['get', 'deploy', 'nope', '-n', ns]);
    expect(missing.stderr).toContain('deployments.apps "nope" not found');
    const unknown = await kubectl(['get', 'widgets']);
    expect(unknown.stderr).toContain('the server doesn\'t have a resource type "widgets"');
    // Imperative create sends a protobuf body; a second one of the same name is refused as on a real server.
    expect(await ok(['create', 'configmap', 'cm1', '-n', ns, '--from-literal=a=b'])).toContain('created');
    const again = await kubectl(['create', 'configmap', 'cm1', '-n', ns, '--from-literal=a=b']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error: failed to create configmap: configmaps "cm1" already exists');
    expect(await ok(['explain', 'deployment.spec'])).toMatch(/KIND:\s+Deployment/);
  });

  it('watches with get -w until the request times out', async () => {
    const ns = 'watches';
    await ok(['create', 'namespace', ns]);
    const lists = () =>
      sim.api.requests
        .list()
        .filter((r) => r.method === 'GET' && /^\/api\/v1\/namespaces\/watches\/configmaps\?(?!.*watch)/.test(r.path))
        .length;
    const listed = lists();
    const watching = kubectl(['get', 'configmaps', '-n', ns, '-w', '--request-timeout=3s', '-o', 'name']);
    // kubectl lists, then watches from the list's resourceVersion: once it has listed, a new object reaches the watch.
    await expect.poll(lists, { timeout: 20_000 }).toBeGreaterThan(listed);
    await ok(['create', '-f', '-'], `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: ${ns}\n`);
    const result = await watching;
    expect(result.stdout).toContain('configmap/late');
  });

  it('follows rollouts: status, wait, restart, history, undo, pause and resume', async () => {
    const ns = await freshTodo('rollouts');
    const rollout = await ok(['rollout', 'status', 'deploy/backend', '-n', ns, '--timeout=30s']);
    expect(rollout).toContain('deployment "backend" successfully rolled out');
    expect(await ok(['wait', '--for=condition=Available', 'deploy/backend', '-n', ns, '--timeout=30s'])).toContain(
      'condition met',
    );
    expect(await ok(['rollout', 'restart', 'deploy/backend', '-n', ns])).toContain('restarted');
    await ok(['rollout', 'status', 'deploy/backend', '-n', ns, '--timeout=30s']);
    expect(await ok(['rollout', 'history', 'deploy/backend', '-n', ns])).toMatch(
      /REVISION\s+CHANGE-CAUSE\n(\d+\s+<none>\n){2,}/,
    );
    expect(await ok(['rollout', 'undo', 'deploy/backend', '-n', ns])).toContain('rolled back');
    expect(await ok(['rollout', 'pause', 'deploy/backend', '-n', ns])).toContain('paused');
    expect(await ok(['rollout', 'resume', 'deploy/backend', '-n', ns])).toContain('resumed');
  });

  it('shows pods, logs, usage, descriptions and events of running workloads', async () => {
    const ns = await freshTodo('shows');
    expect(await ok(['get', 'pods', '-n', ns, '-o', 'wide'])).toMatch(
      /backend-\S+\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+sim-/,
    );
    expect(await ok(['logs', 'deploy/backend', '-n', ns, '--tail=1'])).toMatch(/\S+\n$/);
    expect(await ok(['top', 'pods', '-n', ns])).toMatch(
      /NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nbackend-\S+\s+50m\s+180Mi/,
    );
    expect(await ok(['top', 'nodes'])).toMatch(/sim-control-plane\s+\d+m/);
    expect(await ok(['describe', 'deploy', 'backend', '-n', ns])).toMatch(/Replicas:\s+2 desired \| 2 updated/);
    expect(await ok(['get', 'events', '-n', ns, '--field-selector', 'reason=Scheduled', '-o', 'name'])).toContain(
      'event/backend-',
    );
    expect(await ok(['cordon', 'sim-worker-1'])).toContain('node/sim-worker-1 cordoned');
    expect(await ok(['get', 'nodes', 'sim-worker-1'])).toContain('Ready,SchedulingDisabled');
    await ok(['uncordon', 'sim-worker-1']);
  });

  it('deletes with cascade and a whole namespace with its content', async () => {
    const ns = await freshTodo('deletes');
    expect(await ok(['delete', 'svc', 'backend', '-n', ns])).toContain('service "backend" deleted');
    expect(await ok(['delete', 'namespace', ns])).toContain(`namespace "${ns}" deleted`);
    expect((await kubectl(['get', 'deploy', 'backend', '-n', ns])).code).not.toBe(0);
  });
});

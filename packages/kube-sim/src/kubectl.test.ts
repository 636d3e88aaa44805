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
    const out = await ok(['create', '-f', '-'], todo);
    expect(out).toContain('namespace/todo created');
    expect(out).toContain('deployment.apps/backend created');
    expect(out).toContain('service/backend created');
  });

  it('gets with the usual columns, -o json|yaml|name|jsonpath, -A, -l and --field-selector', async () => {
    expect(await ok(['get', 'deploy', '-n', 'todo'])).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nbackend\s+\d\/2/,
    );
    expect(await ok(['get', 'svc', '-n', 'todo'])).toMatch(
      /NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nbackend\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP/,
    );
    expect(JSON.parse(await ok(['get', 'deployment', 'backend', '-n', 'todo', '-o', 'json'])).spec.replicas).toBe(2);
    expect(await ok(['get', 'deployment', 'backend', '-n', 'todo', '-o', 'yaml'])).toContain(
      'progressDeadlineSeconds: 600',
    );
    expect(await ok(['get', 'deploy,svc', '-n', 'todo', '-o', 'name'])).toBe(
      'deployment.apps/backend\nservice/backend\n',
    );
    expect(
      await ok(['get', 'deploy', 'backend', '-n', 'todo', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
    ).toBe('todo/backend:1.0');
    expect(await ok(['get', 'deploy', '-A'])).toMatch(/NAMESPACE\s+NAME\s+READY/);
    expect(await ok(['get', 'svc', '-A', '-l', 'app=nothing'])).toBe('');
    expect(await ok(['get', 'ns', '--field-selector', 'metadata.name=todo', '-o', 'name'])).toBe('namespace/todo\n');
  });

  it('applies client-side and server-side, with server dry-run leaving nothing behind', async () => {
    const changed = todo.replace('replicas: 2', 'replicas: 3').replace('value: info', 'value: debug');
    expect(await ok(['apply', '-f', '-'], changed)).toContain('deployment.apps/backend configured');
    const dep = JSON.parse(await ok(['get', 'deploy', 'backend', '-n', 'todo', '-o', 'json']));
    expect(dep.spec.replicas).toBe(3);
    expect(dep.spec.template.spec.containers[0].env).toEqual([{ name: 'LOG_LEVEL', value: 'debug' }]);
    const dry = await ok(
      ['apply', '--dry-run=server', '-f', '-'],
      todo.replace('name: backend\n  namespace: todo\n  labels', 'name: ghost\n  namespace: todo\n  labels'),
    );
    expect(dry).toContain('(server dry run)');
    expect((await kubectl(['get', 'deploy', 'ghost', '-n', 'todo'])).code).not.toBe(0);
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: todo-config\n  namespace: todo\ndata:\n  API_URL: http://backend\n';
    expect(await ok(['apply', '--server-side', '-f', '-'], cm)).toContain('configmap/todo-config serverside-applied');
  });

  it('labels, annotates, scales, patches and sets images', async () => {
    await ok(['label', 'deploy', 'backend', '-n', 'todo', 'tier=api']);
    await ok(['annotate', 'deploy', 'backend', '-n', 'todo', 'owner=platform']);
    await ok(['scale', 'deploy', 'backend', '-n', 'todo', '--replicas=5']);
    await ok([
      'patch',
      'deploy',
      'backend',
      '-n',
      'todo',
      '--type=json',
      '-p',
      '[{"op":"add","path":"/spec/minReadySeconds","value":5}]',
    ]);
    await ok(['set', 'image', 'deploy/backend', '-n', 'todo', 'api=todo/backend:1.1']);
    const dep = JSON.parse(await ok(['get', 'deploy', 'backend', '-n', 'todo', '-o', 'json']));
    expect(dep.metadata.labels.tier).toBe('api');
    expect(dep.metadata.annotations.owner).toBe('platform');
    expect(dep.spec.replicas).toBe(5);
    expect(dep.spec.minReadySeconds).toBe(5);
    expect(dep.spec.template.spec.containers[0].image).toBe('todo/backend:1.1');
  });

  it('explains refusals with the real messages', async () => {
    const missing = await kubectl(['get', 'deploy', 'nope', '-n', 'todo']);
    expect(missing.stderr).toContain('deployments.apps "nope" not found');
    const unknown = await kubectl(['get', 'widgets']);
    expect(unknown.stderr).toContain('the server doesn\'t have a resource type "widgets"');
    // Imperative create sends a protobuf body; a second one of the same name is refused as on a real server.
    expect(await ok(['create', 'configmap', 'cm1', '-n', 'todo', '--from-literal=a=b'])).toContain('created');
    const again = await kubectl(['create', 'configmap', 'cm1', '-n', 'todo', '--from-literal=a=b']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error: failed to create configmap: configmaps "cm1" already exists');
    expect(await ok(['explain', 'deployment.spec'])).toMatch(/KIND:\s+Deployment/);
  });

  it('watches with get -w until the request times out', async () => {
    const lists = () =>
      sim.api.requests
        .list()
        .filter((r) => r.method === 'GET' && /^\/api\/v1\/namespaces\/todo\/configmaps\?(?!.*watch)/.test(r.path))
        .length;
    const listed = lists();
    const watching = kubectl(['get', 'configmaps', '-n', 'todo', '-w', '--request-timeout=3s', '-o', 'name']);
    // kubectl lists, then watches from the list's resourceVersion: once it has listed, a new object reaches the watch.
    await expect.poll(lists, { timeout: 20_000 }).toBeGreaterThan(listed);
    await ok(['create', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: todo\n');
    const result = await watching;
    expect(result.stdout).toContain('configmap/late');
  });

  it('follows rollouts: status, wait, restart, history, undo, pause and resume', async () => {
    const rollout = await ok(['rollout', 'status', 'deploy/backend', '-n', 'todo', '--timeout=30s']);
    expect(rollout).toContain('deployment "backend" successfully rolled out');
    expect(await ok(['wait', '--for=condition=Available', 'deploy/backend', '-n', 'todo', '--timeout=30s'])).toContain(
      'condition met',
    );
    expect(await ok(['rollout', 'restart', 'deploy/backend', '-n', 'todo'])).toContain('restarted');
    await ok(['rollout', 'status', 'deploy/backend', '-n', 'todo', '--timeout=30s']);
    expect(await ok(['rollout', 'history', 'deploy/backend', '-n', 'todo'])).toMatch(
      /REVISION\s+CHANGE-CAUSE\n(\d+\s+<none>\n){2,}/,
    );
    expect(await ok(['rollout', 'undo', 'deploy/backend', '-n', 'todo'])).toContain('rolled back');
    expect(await ok(['rollout', 'pause', 'deploy/backend', '-n', 'todo'])).toContain('paused');
    expect(await ok(['rollout', 'resume', 'deploy/backend', '-n', 'todo'])).toContain('resumed');
  });

  it('shows pods, logs, usage, descriptions and events of running workloads', async () => {
    await ok(['rollout', 'status', 'deploy/backend', '-n', 'todo', '--timeout=30s']);
    expect(await ok(['get', 'pods', '-n', 'todo', '-o', 'wide'])).toMatch(
      /backend-\S+\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+sim-/,
    );
    expect(await ok(['logs', 'deploy/backend', '-n', 'todo', '--tail=1'])).toMatch(/\S+\n$/);
    expect(await ok(['top', 'pods', '-n', 'todo'])).toMatch(
      /NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nbackend-\S+\s+50m\s+180Mi/,
    );
    expect(await ok(['top', 'nodes'])).toMatch(/sim-control-plane\s+\d+m/);
    expect(await ok(['describe', 'deploy', 'backend', '-n', 'todo'])).toMatch(/Replicas:\s+5 desired \| 5 updated/);
    expect(await ok(['get', 'events', '-n', 'todo', '--field-selector', 'reason=Scheduled', '-o', 'name'])).toContain(
      'event/backend-',
    );
    expect(await ok(['cordon', 'sim-worker-1'])).toContain('node/sim-worker-1 cordoned');
    expect(await ok(['get', 'nodes', 'sim-worker-1'])).toContain('Ready,SchedulingDisabled');
    await ok(['uncordon', 'sim-worker-1']);
  });

  it('deletes with cascade and a whole namespace with its content', async () => {
    expect(await ok(['delete', 'svc', 'backend', '-n', 'todo'])).toContain('service "backend" deleted');
    expect(await ok(['delete', 'namespace', 'todo'])).toContain('namespace "todo" deleted');
    expect((await kubectl(['get', 'deploy', 'backend', '-n', 'todo'])).code).not.toBe(0);
  });
});

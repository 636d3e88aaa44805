import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, type KubectlResult } from './testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const deployment = (name: string, container: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: fid}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - ${container}
`;

const manifests = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: fid}\n',
  deployment('crash', '{name: worker, image: "opspilot/crasher:1.0"}'),
  deployment('hog', '{name: cache, image: "opspilot/memory-hog:1.0", resources: {limits: {memory: 256Mi}}}'),
  deployment('unready', '{name: web, image: "nginx:1.27", readinessProbe: {httpGet: {path: /nope, port: 80}}}'),
  deployment('liveness', '{name: web, image: "nginx:1.27", livenessProbe: {httpGet: {path: /nope, port: 80}}}'),
  deployment('web', '{name: web, image: "nginx:1.27"}'),
  `apiVersion: batch/v1
kind: Job
metadata: {name: batch, namespace: fid}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: work, image: "opspilot/batch:1.0"}]
`,
  `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: fid}
spec:
  serviceName: db
  replicas: 2
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: "nginx:1.27"}]}
`,
  `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fixed}
provisioner: rancher.io/local-path
volumeBindingMode: Immediate
`,
  `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: growing}
provisioner: rancher.io/local-path
volumeBindingMode: Immediate
allowVolumeExpansion: true
`,
  `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: fixed-data, namespace: fid}
spec: {storageClassName: fixed, accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}
`,
  `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: growing-data, namespace: fid}
spec: {storageClassName: growing, accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}
`,
].join('---\n');

const podOf = async (app: string) => (await ok(['get', 'pods', '-n', 'fid', '-l', `app=${app}`, '-o', 'name'])).trim();

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  await ok(['apply', '-f', '-'], manifests);
  await advanceClock(clock, 60_000);
}, 120_000);
afterAll(async () => sim?.stop());

describe('real kubectl: what a kind cluster shows', () => {
  it('keeps the log of a crashed run for --previous, ending with the traceback the image prints', async () => {
    const pod = await podOf('crash');
    const previous = await ok(['logs', pod, '-n', 'fid', '--previous']);
    expect(previous).toMatch(/^INFO starting worker/);
    expect(previous).toContain('Traceback (most recent call last):\n');
    expect(previous.trimEnd().split('\n').at(-1)).toBe(
      'psycopg2.OperationalError: connection to server at "db" (10.96.0.20), port 5432 failed: Connection refused',
    );
    const described = await ok(['describe', pod, '-n', 'fid']);
    expect(described).toMatch(
      /Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Message:[^\n]*\n\s+Exit Code:\s+1\n\s+Started:/,
    );
    const hog = await podOf('hog');
    expect(await ok(['logs', hog, '-n', 'fid', '--previous'])).toContain('allocating cache');
    const fresh = await kubectl(['logs', await podOf('web'), '-n', 'fid', '--previous']);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toMatch(/previous terminated container "web" in pod "web-\S+" not found/);
  });

  it('keeps the log of a completed job pod after it finished', async () => {
    expect(await ok(['get', 'pods', '-n', 'fid', '-l', 'job-name=batch'])).toMatch(/batch-\S+\s+0\/1\s+Completed/);
    expect(await ok(['logs', 'job/batch', '-n', 'fid'])).toBe(
      'starting batch\nprocessed 1000 records\nbatch complete\n',
    );
  });

  it('writes the kubelet probe events, counted again on every repeat', async () => {
    const unready = await ok(['describe', await podOf('unready'), '-n', 'fid']);
    expect(unready).toMatch(
      /Warning\s+Unhealthy\s+\S+ \(x\d+ over \S+\)\s+kubelet\s+Readiness probe failed: HTTP probe failed with statuscode: 404/,
    );
    const liveness = await ok(['describe', await podOf('liveness'), '-n', 'fid']);
    expect(liveness).toMatch(
      /Warning\s+Unhealthy\s+\S+ \(x\d+ over \S+\)\s+kubelet\s+Liveness probe failed: HTTP probe failed with statuscode: 404/,
    );
    expect(liveness).toMatch(/Normal\s+Killing\s+.*kubelet\s+Container web failed liveness probe, will be restarted/);
    const events = JSON.parse(
      await ok(['get', 'events', '-n', 'fid', '--field-selector', 'reason=Unhealthy', '-o', 'json']),
    ) as { items: { message: string; count: number; involvedObject: { name: string } }[] };
    const readiness = events.items.filter((e) => e.message.startsWith('Readiness probe failed'));
    expect(readiness).toHaveLength(1);
    // 60 s after start with the default 10 s period: one failure per period.
    expect(readiness[0]!.count).toBeGreaterThanOrEqual(4);
    const before = readiness[0]!.count;
    await advanceClock(clock, 20_000);
    const again = JSON.parse(
      await ok(['get', 'events', '-n', 'fid', '--field-selector', 'reason=Unhealthy', '-o', 'json']),
    ) as typeof events;
    expect(again.items.find((e) => e.message.startsWith('Readiness'))!.count).toBe(before + 2);
  });

  it('keeps one event per message for the same object and reason', async () => {
    const described = await ok(['describe', 'sts', 'db', '-n', 'fid']);
    // The StatefulSet controller's own wording (a ReplicaSet says `Created pod: x`).
    expect(described).toMatch(/SuccessfulCreate\s+.*create Pod db-0 in StatefulSet db successful/);
    expect(described).toMatch(/SuccessfulCreate\s+.*create Pod db-1 in StatefulSet db successful/);
  });

  it('taints the control plane as kind does, with the real scheduler messages', async () => {
    expect(await ok(['get', 'node', 'sim-control-plane', '-o', 'jsonpath={.spec.taints}'])).toBe(
      '[{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]',
    );
    const pods = await ok(['get', 'pods', '-n', 'fid', '-o', 'jsonpath={.items[*].spec.nodeName}']);
    expect(pods.split(' ')).not.toContain('sim-control-plane');
    await ok(['create', 'deployment', 'huge', '-n', 'fid', '--image=nginx:1.27']);
    await ok(['set', 'resources', 'deployment/huge', '-n', 'fid', '--requests=cpu=3900m']);
    await advanceClock(clock, 2000);
    expect(await ok(['describe', 'pods', '-n', 'fid', '-l', 'app=huge'])).toContain(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('annotates the deployment with its revision, so rollout history and undo work', async () => {
    expect(await ok(['get', 'deploy', 'web', '-n', 'fid', '-o', 'jsonpath={.metadata.annotations}'])).toContain(
      '"deployment.kubernetes.io/revision":"1"',
    );
    await ok(['set', 'image', 'deploy/web', '-n', 'fid', 'web=nginx:1.28']);
    await advanceClock(clock, 10_000);
    const revision = () =>
      ok([
        'get',
        'deploy',
        'web',
        '-n',
        'fid',
        '-o',
        'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}',
      ]);
    expect(await revision()).toBe('2');
    const history = await ok(['rollout', 'history', 'deploy/web', '-n', 'fid', '--revision=2']);
    expect(history).toContain('deployment.apps/web with revision #2');
    expect(history).toMatch(/Image:\s+nginx:1\.28/);
    expect(await ok(['rollout', 'undo', 'deploy/web', '-n', 'fid'])).toContain('deployment.apps/web rolled back');
    await advanceClock(clock, 10_000);
    expect(await revision()).toBe('3');
    expect(
      await ok(['get', 'deploy', 'web', '-n', 'fid', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']),
    ).toBe('nginx:1.27');
  });

  it('refuses shrinking a claim and growing one whose class cannot expand, with the real messages', async () => {
    expect(await ok(['get', 'pvc', '-n', 'fid', '-o', 'jsonpath={.items[*].status.phase}'])).toBe('Bound Bound');
    const patch = (claim: string, size: string) =>
      kubectl(['patch', 'pvc', claim, '-n', 'fid', '-p', `{"spec":{"resources":{"requests":{"storage":"${size}"}}}}`]);
    const shrink = await patch('growing-data', '1Gi');
    expect(shrink.code).toBe(1);
    expect(shrink.stderr).toContain(
      'The PersistentVolumeClaim "growing-data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
    const fixed = await patch('fixed-data', '4Gi');
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).toContain(
      'Error from server (Forbidden): persistentvolumeclaims "fixed-data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    expect((await patch('growing-data', '4Gi')).code).toBe(0);
    await advanceClock(clock, 2000);
    expect(await ok(['get', 'pvc', 'growing-data', '-n', 'fid', '-o', 'jsonpath={.status.capacity.storage}'])).toBe(
      '4Gi',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type FileRead, fileError, normalisePath } from '../controllers/fileWrites.js';
import { IMAGE_CATALOG } from '../controllers/imageCatalog.js';
import type { ApiContext } from '../server/apiContext.js';
import { SimApi } from '../server/simApi.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ExecPod } from './execPod.js';
import { runExec } from './execRunner.js';
import { parseScript } from './execShell.js';
import { runNetworkCommand } from './networkCommand.js';
import { PodNetwork } from './podNetwork.js';

type Json = Record<string, unknown>;

function contextOf(api: SimApi): ApiContext {
  return {
    store: api.store,
    registry: api.registry,
    write: api.write,
    hooks: api.hooks,
    now: api.now,
    limits: { logFollowMs: 1000, logPollMs: 100, bookmarkIntervalMs: 1000 },
    track: () => () => {},
  };
}

function pod(name: string, namespace: string, labels: Json, ip: string, image: string, extra: Json = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: labels as Record<string, string> },
    spec: { nodeName: 'sim-worker-1', containers: [{ name: 'main', image, ...extra }] },
    status: { phase: 'Running', podIP: ip, containerStatuses: [{ name: 'main', state: { running: {} } }] },
  };
}

/** A cluster with a `web` nginx Service in `shop`, a headless `db`, and a busybox `client`. */
function cluster() {
  const api = new SimApi();
  const ctx = contextOf(api);
  const type = (plural: string, group = '') => api.registry.find(group, 'v1', plural)!;
  const create = (plural: string, obj: KubeObject, group = '') => api.store.create(type(plural, group), obj);
  create('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
  });
  const web = create(
    'pods',
    pod('web-1', 'shop', { app: 'web' }, '10.244.1.10', 'nginx:1.27', {
      ports: [{ name: 'http', containerPort: 80 }],
    }),
  );
  const client = create(
    'pods',
    pod('client', 'shop', { app: 'client' }, '10.244.1.11', 'busybox:1.36', { command: ['sleep', 'infinity'] }),
  );
  create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      clusterIP: '10.96.0.50',
      selector: { app: 'web' },
      ports: [{ name: 'web', port: 8080, targetPort: 'http' }],
    },
  });
  create('endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'web', namespace: 'shop' },
    subsets: [
      {
        addresses: [{ ip: '10.244.1.10', targetRef: { kind: 'Pod', name: 'web-1' } }],
        ports: [{ name: 'web', port: 80 }],
      },
    ],
  });
  create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'empty', namespace: 'shop' },
    spec: { clusterIP: '10.96.0.51', selector: { app: 'none' }, ports: [{ port: 80 }] },
  });
  create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'headless', namespace: 'shop' },
    spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] },
  });
  create('endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'headless', namespace: 'shop' },
    subsets: [{ addresses: [{ ip: '10.244.1.10' }], ports: [{ port: 80 }] }],
  });
  const policy = (name: string, spec: Json) =>
    create(
      'networkpolicies',
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec },
      'networking.k8s.io',
    );
  return { ctx, web, client, policy };
}

/** An exec view over in-memory files, for the shell tests. */
function memoryPod(target: KubeObject, image: string, files: Record<string, string> = {}): ExecPod {
  const store = new Map(Object.entries(files));
  const profile = IMAGE_CATALOG[image.split(':')[0]!]!;
  return {
    pod: target,
    container: 'main',
    profile,
    busybox: profile.binaries.includes('busybox'),
    env: () => ({ PATH: '/usr/bin:/bin', HOSTNAME: target.metadata.name, COLOR: 'blue' }),
    read: (path): FileRead => {
      const content = store.get(normalisePath(path));
      return content === undefined ? fileError('ENOENT') : { ok: true, content };
    },
    list: (path) => {
      const dir = normalisePath(path);
      const names = [...store.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1));
      return names.length
        ? { ok: true, entries: names.map((name) => ({ name, type: 'file' as const })) }
        : fileError('ENOENT');
    },
    write: (path, op, content = '') => {
      const full = normalisePath(path);
      if (full.startsWith('/etc/config')) return fileError('EROFS');
      if (op === 'remove') store.delete(full);
      else store.set(full, op === 'append' ? (store.get(full) ?? '') + content : content);
      return { ok: true };
    },
  };
}

async function exec(argv: string[], execPod: ExecPod, ctx: ApiContext, stdin?: string) {
  const waited: number[] = [];
  const outcome = await runExec(argv, execPod, {
    net: new PodNetwork(ctx, execPod.pod),
    stdin,
    now: () => new Date('2026-01-01T00:00:00Z'),
    wait: async (ms) => {
      waited.push(ms);
    },
  });
  return { ...outcome, waited };
}

describe('the exec shell subset', () => {
  it('parses lists, pipelines, redirections and compound commands, and names what it does not interpret', () => {
    expect(parseScript('a x | b > f 2>&1 && c || d; e')).toEqual([
      {
        pipelines: [
          [
            { type: 'simple', words: ['a', 'x'] },
            { type: 'simple', words: ['b'], stdout: { path: 'f', append: false }, stderrToStdout: true },
          ],
          [{ type: 'simple', words: ['c'] }],
          [{ type: 'simple', words: ['d'] }],
        ],
        ops: ['&&', '||'],
      },
      { pipelines: [[{ type: 'simple', words: ['e'] }]], ops: [] },
    ]);
    const [loop] = parseScript('for i in 1 2; do echo $i; done');
    expect(loop!.pipelines[0]![0]).toMatchObject({ type: 'for', name: 'i', words: ['1', '2'] });
    expect(parseScript('if true; then :; elif false; then :; else :; fi')[0]!.pipelines[0]![0]).toMatchObject({
      type: 'if',
      branches: [{}, {}],
      otherwise: [{}],
    });
    expect(() => parseScript('case x in *) ;; esac')).toThrow('the keyword case');
    expect(() => parseScript('if true; then echo')).toThrow('without its `fi`');
    expect(() => parseScript('sleep 1 &')).toThrow('background jobs');
    expect(() => parseScript('echo $(hostname)')).toThrow('command substitution');
  });

  it('runs if, for and while, reading variables when each command runs', async () => {
    const { ctx, client } = cluster();
    const box = memoryPod(client, 'busybox:1.36', { '/etc/config/size': 'medium' });
    const script = ['for f in size missing; do if [ -f /etc/config/$f ]; then echo "$f: $(true)"; fi; done'].join('');
    expect(await exec(['sh', '-c', script], box, ctx)).toMatchObject({ exitCode: 2 });
    expect(
      await exec(
        [
          'sh',
          '-c',
          'for f in size missing; do if test -f /etc/config/$f; then echo found $f; else echo no $f; fi; done',
        ],
        box,
        ctx,
      ),
    ).toMatchObject({ stdout: 'found size\nno missing\n', exitCode: 0 });
    expect(
      await exec(
        ['sh', '-c', 'export N=x; echo $N; while [ ! -f /tmp/ready ]; do touch /tmp/ready; echo waited; done'],
        box,
        ctx,
      ),
    ).toMatchObject({ stdout: 'x\nwaited\n' });
    expect(await exec(['sh', '-c', 'for i in a b c; do echo $i; done | sort -r | head -n 1'], box, ctx)).toMatchObject({
      stdout: 'c\n',
    });
    expect(await exec(['sh', '-c', 'false; echo $?'], box, ctx)).toMatchObject({ stdout: '1\n' });
    expect(await exec(['sh', '-c', 'echo oops >&2; echo fine'], box, ctx)).toMatchObject({
      stdout: 'fine\n',
      stderr: 'oops\n',
    });
    expect(await exec(['sh', '-c', 'while true; do :; done'], box, ctx)).toMatchObject({
      exitCode: 2,
      stderr: 'sh: the simulated shell stopped a loop after 1000 iterations\n',
    });
  });

  it('runs scripts with variables, pipes, files, exit codes and missing programs', async () => {
    const { ctx, client } = cluster();
    const box = memoryPod(client, 'busybox:1.36', { '/etc/config/size': 'medium' });
    expect(await exec(['sh', '-c', 'echo $COLOR; env | grep -c COLOR; cat /etc/config/size'], box, ctx)).toMatchObject({
      stdout: 'blue\n1\nmedium',
      exitCode: 0,
    });
    expect(
      await exec(
        ['sh', '-c', 'echo a > /tmp/f; echo b >> /tmp/f; wc -l < /tmp/f; cat /tmp/f | sort -r | head -n 1'],
        box,
        ctx,
      ),
    ).toMatchObject({
      stdout: '2\nb\n',
    });
    expect(await exec(['sh', '-c', 'echo x > /etc/config/size'], box, ctx)).toMatchObject({
      stderr: "sh: can't create /etc/config/size: Read-only file system\n",
    });
    expect(await exec(['sh', '-c', 'false || echo fallback && exit 4'], box, ctx)).toMatchObject({
      stdout: 'fallback\n',
      exitCode: 4,
    });
    expect(await exec(['sh', '-c', 'python3 -V'], box, ctx)).toMatchObject({
      stderr: 'sh: python3: not found\n',
      exitCode: 127,
    });
    expect(await exec(['cat', '/nope'], box, ctx)).toMatchObject({
      stderr: "cat: can't open '/nope': No such file or directory\n",
      exitCode: 1,
    });
    expect(await exec(['sh'], box, ctx, 'hostname; exit 2\n')).toMatchObject({ stdout: 'client\n', exitCode: 2 });
    expect(
      await exec(['sh', '-c', 'test -f /etc/config/size && [ ! -f /nope ] && echo files'], box, ctx),
    ).toMatchObject({
      stdout: 'files\n',
    });
    expect(await exec(['id'], box, ctx)).toMatchObject({ stdout: 'uid=0(root) gid=0(root) groups=0(root)\n' });
    const restricted = {
      ...client,
      spec: { ...(client.spec as Json), securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000 } },
    };
    expect(await exec(['id'], memoryPod(restricted, 'busybox:1.36'), ctx)).toMatchObject({
      stdout: 'uid=1000 gid=3000 groups=2000,3000\n',
    });
    expect(await exec(['whoami'], memoryPod(restricted, 'busybox:1.36'), ctx)).toMatchObject({
      stderr: 'whoami: unknown uid 1000\n',
      exitCode: 1,
    });
    const nginx = memoryPod(client, 'nginx:1.27');
    expect(await exec(['sh', '-c', 'wget -qO- web'], nginx, ctx)).toMatchObject({
      stderr: 'sh: 1: wget: not found\n',
      exitCode: 127,
    });
    expect(await exec(['python3', '-c', '1'], nginx, ctx)).toMatchObject({
      kind: 'startError',
      message: expect.stringContaining('exec: "python3": executable file not found in $PATH: unknown'),
    });
  });
});

describe('wget and curl through the pod network', () => {
  it('resolves Service names, targets named ports, and answers with the process paths', async () => {
    const { ctx, client, web } = cluster();
    const box = memoryPod(client, 'busybox:1.36');
    const page = await exec(['wget', '-qO-', 'http://web.shop.svc.cluster.local:8080/'], box, ctx);
    expect(page).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Welcome to nginx!') });
    expect(await exec(['wget', '-qO-', 'http://web:8080/missing'], box, ctx)).toMatchObject({
      stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n',
      exitCode: 1,
    });
    expect(await exec(['wget', '-qO-', 'http://headless'], box, ctx)).toMatchObject({ exitCode: 0 });
    expect(await exec(['wget', '-qO-', 'http://10.244.1.10:81'], box, ctx)).toMatchObject({
      stderr: "wget: can't connect to remote host (10.244.1.10): Connection refused\n",
    });
    expect(await exec(['wget', '-qO-', 'http://empty'], box, ctx)).toMatchObject({
      stderr: "wget: can't connect to remote host (10.96.0.51): Connection refused\n",
    });
    expect(await exec(['wget', '-q', '-O', '-', 'http://example.com'], box, ctx)).toMatchObject({
      stderr: "wget: bad address 'example.com'\n",
    });
    expect(await exec(['nc', '-zv', '-w', '2', 'web', '8080'], box, ctx)).toMatchObject({
      stderr: 'web (10.96.0.50:8080) open\n',
      exitCode: 0,
    });
    expect(await exec(['timeout', '5', 'nc', '-z', 'web-1', '80'], box, ctx)).toMatchObject({ exitCode: 1 });
    const curl = memoryPod(web, 'nginx:1.27');
    expect(
      await exec(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'web:8080/nope'], curl, ctx),
    ).toMatchObject({
      stdout: '404',
      exitCode: 0,
    });
    expect(await exec(['curl', '-sf', 'http://web:8080/nope'], curl, ctx)).toMatchObject({ exitCode: 22, stderr: '' });
    expect(await exec(['curl', '-sS', 'http://empty'], curl, ctx)).toMatchObject({
      exitCode: 7,
      stderr: "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n",
    });
    expect(await exec(['curl', '-sI', 'http://localhost/'], curl, ctx)).toMatchObject({
      stdout: expect.stringMatching(/^HTTP\/1\.1 200 OK\r\nServer: nginx/),
    });
  });

  it('times out on connections a NetworkPolicy drops, and fails DNS when egress blocks it', async () => {
    const { ctx, client, web, policy } = cluster();
    const box = memoryPod(client, 'busybox:1.36');
    policy('deny-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] });
    const dropped = await exec(['wget', '-qO-', '-T', '3', 'http://web:8080'], box, ctx);
    expect(dropped).toMatchObject({ stderr: 'wget: download timed out\n', exitCode: 1, waited: [3000] });
    const curl = await exec(
      ['curl', '-sS', '--connect-timeout', '2', 'http://web:8080'],
      memoryPod(client, 'curlimages/curl:8.10.1'),
      ctx,
    );
    expect(curl).toMatchObject({
      exitCode: 28,
      stderr: 'curl: (28) Failed to connect to web port 8080 after 2001 ms: Timeout was reached\n',
    });
    expect(await exec(['curl', '-s', 'http://localhost'], memoryPod(web, 'nginx:1.27'), ctx)).toMatchObject({
      exitCode: 0,
    });
    expect(await exec(['nc', '-z', '-w', '2', '10.244.1.10', '80'], box, ctx)).toMatchObject({
      stderr: 'nc: 10.244.1.10 (10.244.1.10:80): Connection timed out\n',
      exitCode: 1,
    });
    policy('allow-client', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 'http' }] }],
    });
    expect(await exec(['wget', '-qO-', 'http://web:8080'], box, ctx)).toMatchObject({ exitCode: 0 });
    policy('client-egress', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] });
    expect(await exec(['wget', '-qO-', 'http://web:8080'], box, ctx)).toMatchObject({
      stderr: "wget: bad address 'web'\n",
    });
    expect(await exec(['wget', '-qO-', '-T', '1', 'http://10.244.1.10'], box, ctx)).toMatchObject({
      stderr: 'wget: download timed out\n',
    });
    policy('client-dns', {
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ protocol: 'UDP', port: 53 }],
        },
        { to: [{ podSelector: { matchLabels: { app: 'web' } } }] },
      ],
    });
    expect(await exec(['wget', '-qO-', 'http://web:8080'], box, ctx)).toMatchObject({ exitCode: 0 });
  });

  it('runs a network client synchronously for a container process, with the time it waited', () => {
    const { ctx, client, policy } = cluster();
    expect(runNetworkCommand(ctx, client, ['wget', '-qO-', 'http://web:8080/healthz'])).toEqual({
      exitCode: 0,
      stdout: 'ok',
      stderr: '',
      elapsedMs: 0,
    });
    policy('deny', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(runNetworkCommand(ctx, client, ['curl', '-m', '5', 'http://web:8080'])).toMatchObject({
      exitCode: 28,
      elapsedMs: 5000,
    });
    expect(runNetworkCommand(ctx, client, ['nc', '-z', '-w', '3', 'web', '8080'])).toMatchObject({
      exitCode: 1,
      elapsedMs: 3000,
    });
    expect(runNetworkCommand(ctx, client, ['echo', 'hi'])).toBeUndefined();
  });
});

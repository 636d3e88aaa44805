import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, createKubectlProcess, type KubectlResult } from './testing/index.js';

vi.setConfig({ testTimeout: 120_000 });

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;
let start: ReturnType<typeof createKubectlProcess>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Creates the namespace's objects and moves the clock until every pod in it is Running. */
async function deploy(namespace: string, manifests: string): Promise<void> {
  if (manifests) {
    await ok(['create', 'namespace', namespace]);
    await ok(['apply', '-n', namespace, '-f', '-'], manifests);
  }
  for (let ms = 0; ms < 60_000; ms += 1000) {
    const phases = await ok(['get', 'pods', '-n', namespace, '-o', 'jsonpath={.items[*].status.phase}']);
    if (phases !== '' && phases.split(' ').every((p) => p === 'Running')) return;
    await advanceClock(clock, 1000);
  }
  throw new Error(`pods of ${namespace} never ran: ${await ok(['get', 'pods', '-n', namespace])}`);
}

/** `GET http://127.0.0.1:port/path` with node's http client: status and body. */
function httpGet(port: number, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

const WEB = `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { COLOR: blue, size: medium }
---
apiVersion: v1
kind: Pod
metadata: { name: frontend, labels: { app: frontend } }
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports: [{ containerPort: 80 }]
      env: [{ name: COLOR, valueFrom: { configMapKeyRef: { name: settings, key: COLOR } } }]
      volumeMounts: [{ name: config, mountPath: /etc/config }]
  volumes: [{ name: config, configMap: { name: settings } }]
---
apiVersion: v1
kind: Service
metadata: { name: frontend }
spec: { selector: { app: frontend }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: backend, labels: { app: backend } }
spec:
  containers: [{ name: httpd, image: "httpd:2.4", ports: [{ containerPort: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: backend }
spec: { selector: { app: backend }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: toolbox, labels: { app: toolbox } }
spec:
  containers: [{ name: shell, image: "busybox:1.36", command: ["sleep", "infinity"] }]
`;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  start = createKubectlProcess(sim.kubeconfig);
}, 120_000);
afterAll(async () => sim?.stop());

describe('real kubectl exec', () => {
  it('shows the environment and mounted files, runs the shell subset, and refuses missing programs', async () => {
    await deploy('exec', WEB);
    expect(await ok(['exec', '-n', 'exec', 'frontend', '--', 'env'])).toMatch(/^COLOR=blue$/m);
    expect(await ok(['exec', '-n', 'exec', 'frontend', '--', 'cat', '/etc/config/size'])).toBe('medium');
    expect(sim.api.requests.list()).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: expect.stringMatching(/^\/api\/v1\/namespaces\/exec\/pods\/frontend\/exec\?command=cat/),
        user: 'kubernetes-admin',
        code: 101,
      }),
    );
    expect(await ok(['exec', '-n', 'exec', 'frontend', '--', 'sh', '-c', 'ls /etc/config | sort'])).toBe(
      'COLOR\nsize\n',
    );
    const failing = await kubectl(['exec', '-n', 'exec', 'frontend', '--', 'sh', '-c', 'echo half; exit 3']);
    expect(failing).toMatchObject({ code: 3, stdout: 'half\n' });
    expect(failing.stderr).toContain('command terminated with exit code 3');
    const missing = await kubectl(['exec', '-n', 'exec', 'frontend', '--', 'python3', '-c', 'print(1)']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('exec: "python3": executable file not found in $PATH');
    const inShell = await kubectl(['exec', '-n', 'exec', 'frontend', '--', 'sh', '-c', 'python3 -V']);
    expect(inShell).toMatchObject({ code: 127, stdout: '' });
    expect(inShell.stderr).toContain('sh: 1: python3: not found');
  });

  it('reaches Services by their DNS names until a deny-all NetworkPolicy drops the traffic', async () => {
    await deploy('net', WEB);
    const page = await ok(['exec', '-n', 'net', 'toolbox', '--', 'wget', '-qO-', 'http://frontend']);
    expect(page).toContain('Welcome to nginx!');
    // The backend's server may still be starting when the frontend already answers: wait for it to listen.
    await expect
      .poll(
        async () =>
          (await kubectl(['exec', '-n', 'net', 'toolbox', '--', 'wget', '-qO-', 'backend.net.svc.cluster.local']))
            .stdout,
        {
          timeout: 60_000,
        },
      )
      .toContain('It works!');
    const notFound = await kubectl(['exec', '-n', 'net', 'toolbox', '--', 'wget', '-qO-', 'http://frontend/missing']);
    expect(notFound.stderr).toContain('wget: server returned error: HTTP/1.1 404 Not Found');
    const code = await ok([
      'exec',
      '-n',
      'net',
      'frontend',
      '--',
      'curl',
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      'http://backend',
    ]);
    expect(code).toBe('200');
    await ok(
      ['apply', '-n', 'net', '-f', '-'],
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny-all }\nspec: { podSelector: {} }\n',
    );
    const timedOut = await kubectl([
      'exec',
      '-n',
      'net',
      'toolbox',
      '--',
      'wget',
      '-qO-',
      '-T',
      '2',
      'http://frontend',
    ]);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toContain('wget: download timed out');
    const curlTimeout = await kubectl([
      'exec',
      '-n',
      'net',
      'frontend',
      '--',
      'curl',
      '-sS',
      '-m',
      '2',
      'http://backend',
    ]);
    expect(curlTimeout.code).toBe(28);
    expect(curlTimeout.stderr).toContain('curl: (28) Connection timed out after 2001 milliseconds');
  });
});

describe('real kubectl run -i, attach and port-forward', () => {
  it('runs -i --rm to completion: prints the output and deletes the pod', async () => {
    await ok(['create', 'namespace', 'attach']);
    const run = start([
      'run',
      '-i',
      '--rm',
      't',
      '-n',
      'attach',
      '--image=busybox:1.36',
      '--restart=Never',
      '--',
      'echo',
      'hi',
    ]);
    for (let i = 0; i < 60 && run.child.exitCode === null; i++) {
      await advanceClock(clock, 1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toMatch(/^hi\npod "t" deleted/);
    expect(await ok(['get', 'pods', '-n', 'attach', '-o', 'name'])).toBe('');
  });

  it('attaches to a running container and streams its output as the clock moves', async () => {
    await deploy(
      'attached',
      `apiVersion: v1
kind: Pod
metadata: { name: ticker }
spec:
  containers:
    - { name: main, image: "busybox:1.36", command: ["sh", "-c", "echo started; while true; do echo tick; sleep 5; done"] }
`,
    );
    const attach = start(['attach', 'ticker', '-n', 'attached']);
    await attach.waitFor(/started/);
    await advanceClock(clock, 11_000);
    await attach.waitFor(/tick\n(.|\n)*tick/);
    await attach.stop();
  });

  it('forwards a Service port to its pod and answers with the simulated process; a closed port fails', async () => {
    await deploy('forward', WEB);
    const forward = start(['port-forward', '-n', 'forward', 'svc/frontend', ':80']);
    const [, port] = await forward.waitFor(/Forwarding from 127\.0\.0\.1:(\d+) -> 80/);
    const page = await httpGet(Number(port));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Welcome to nginx!');
    expect((await httpGet(Number(port), '/missing')).status).toBe(404);
    await ok(['delete', 'pod', 'frontend', '-n', 'forward', '--wait=false']);
    expect(await forward.exited).toBe(1);
    expect(forward.stderr()).toContain('lost connection to pod');
    await ok(['apply', '-n', 'forward', '-f', '-'], WEB);
    await deploy('forward', '');
    const closed = start(['port-forward', '-n', 'forward', 'pod/frontend', ':81']);
    const [, closedPort] = await closed.waitFor(/Forwarding from 127\.0\.0\.1:(\d+) -> 81/);
    await expect(httpGet(Number(closedPort))).rejects.toThrow();
    expect(await closed.exited).toBe(1);
    expect(closed.stderr()).toContain('connect: connection refused');
    expect(closed.stderr()).toContain('error: lost connection to pod');
  });

  it('refuses SPDY upgrades with a Status naming the WebSocket protocols', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(`${sim.url}/api/v1/namespaces/forward/pods/frontend/exec?command=env&stdout=true`, {
        method: 'POST',
        rejectUnauthorized: false,
        headers: {
          Authorization: `Bearer ${sim.token}`,
          Connection: 'Upgrade',
          Upgrade: 'SPDY/3.1',
          'X-Stream-Protocol-Version': 'v4.channel.k8s.io',
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('upgrade', () => reject(new Error('upgraded to SPDY')));
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message: expect.stringContaining('over WebSocket only (v5.channel.k8s.io, v4.channel.k8s.io)'),
    });
    expect(sim.api.requests.list().at(-1)).toMatchObject({ method: 'POST', code: 400 });
  });
});

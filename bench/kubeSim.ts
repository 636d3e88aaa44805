// Benchmarks of the simulated cluster (run on demand: `npx tsx bench/kubeSim.ts`): prints figures, asserts nothing.
// 1. `kubectl get pods -A` with 10,000 pods (goal <= 1 s)   2. sustained writes per second (goal 1,000/s)
// 3. watch fan-out: 100 watchers each receiving 200 events.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimCluster } from '@opspilot/kube-sim';
import { toolBinary } from '@opspilot/kube-sim/testing';

// Plain HTTP keeps TLS out of the figures; kubectl never sends credentials over plain HTTP, so this loopback-only
// cluster lets requests without them in. The raw requests below send the generated token all the same.
const sim = await startSimCluster({ tls: false, controllers: false, insecureAnonymous: true });
const bearer = `Bearer ${sim.token}`;
const podType = sim.api.registry.find('', 'v1', 'pods')!;
const nsType = sim.api.registry.find('', 'v1', 'namespaces')!;
const cmType = sim.api.registry.find('', 'v1', 'configmaps')!;

// 1. kubectl get pods -A over 10,000 pods in 20 namespaces.
for (let n = 0; n < 20; n++)
  sim.store.create(nsType, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } });
for (let i = 0; i < 10_000; i++) {
  sim.store.create(podType, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: `ns-${i % 20}`, labels: { app: `app-${i % 100}` } },
    spec: { nodeName: 'sim-worker-1', containers: [{ name: 'app', image: 'nginx:1.27' }] },
    status: {
      phase: 'Running',
      podIP: '10.244.1.2',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }],
    },
  });
}
const home = mkdtempSync(join(tmpdir(), 'opspilot-bench-'));
writeFileSync(join(home, 'kubeconfig'), sim.kubeconfig);
const kubectl = toolBinary('kubectl');
// kubectl runs as a child process while this process serves it, so the call must not block the event loop.
const run = async (extra: string[]): Promise<string> => {
  const args = ['--kubeconfig', join(home, 'kubeconfig'), '--cache-dir', join(home, 'cache'), 'get', 'pods', '-A'];
  const { stdout } = await promisify(execFile)(kubectl, [...args, ...extra], {
    env: { HOME: home, PATH: process.env.PATH ?? '' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
};
const median = async (extra: string[]) => {
  await run(extra);
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    lines = (await run(extra)).split('\n').length - 2;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { lines, median: times[2]!, best: times[0]! };
};
// One response of 10,000 rows: what the server and kubectl's printing cost.
const whole = await median(['--chunk-size=0']);
console.log(
  `kubectl get pods -A --chunk-size=0, ${whole.lines} pods: median ${whole.median.toFixed(0)} ms, best ${whole.best.toFixed(0)} ms (goal <= 1000 ms)`,
);
// kubectl's default asks for 20 pages of 500; client-go's own rate limiter (5 requests/s after a burst of 10)
// makes it wait about 2 s whatever the server does, so the server's share is measured separately.
const paged = await median([]);
console.log(
  `kubectl get pods -A (pages of 500), ${paged.lines} pods: median ${paged.median.toFixed(0)} ms — includes kubectl's client-side throttling of pages 11-20`,
);
const tablePage = (cont: string) =>
  new Promise<string | undefined>((resolve, reject) => {
    const u = new URL(sim.url);
    const path = `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`;
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io', Authorization: bearer },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve((JSON.parse(text) as { metadata: { continue?: string } }).metadata.continue));
      },
    );
    req.on('error', reject);
    req.end();
  });
const serverTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  let cont: string | undefined = '';
  do cont = await tablePage(cont);
  while (cont);
  serverTimes.push(performance.now() - t);
}
serverTimes.sort((a, b) => a - b);
console.log(`server side of the same 20 Table pages: median ${serverTimes[2]!.toFixed(0)} ms for all 20`);

// 2. Sustained writes: POST ConfigMaps over keep-alive connections, 16 in flight, for 3 seconds.
const url = new URL(sim.url);
const post = (name: string) =>
  new Promise<number>((resolve, reject) => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' } });
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/v1/namespaces/default/configmaps',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: bearer,
        },
        agent: keepAlive,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
const { Agent } = await import('node:http');
const keepAlive = new Agent({ keepAlive: true, maxSockets: 16 });
let written = 0;
let failed = 0;
const deadline = performance.now() + 3000;
await Promise.all(
  Array.from({ length: 16 }, async (_, worker) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const code = await post(`cm-${worker}-${i}`);
      if (code === 201) written++;
      else failed++;
    }
  }),
);
console.log(`sustained writes: ${(written / 3).toFixed(0)} creates/s over 3 s (${failed} failed; goal >= 1000/s)`);

// 3. Watch fan-out: 100 watchers, 200 writes; time until every watcher has seen every event.
const watchers = 100;
const events = 200;
const rvBefore = String(sim.store.resourceVersion);
let complete = 0;
const started = performance.now();
let fanoutDone: (v: number) => void = () => {};
const allSeen = new Promise<number>((r) => {
  fanoutDone = r;
});
const requests = Array.from({ length: watchers }, () => {
  let seen = 0;
  let buffer = '';
  const req = request(
    {
      host: url.hostname,
      port: url.port,
      path: `/api/v1/namespaces/watched/configmaps?watch=1&resourceVersion=${rvBefore}`,
      headers: { Authorization: bearer },
      agent: false,
    },
    (res) => {
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        seen += parts.filter((p) => p.includes('"ADDED"')).length;
        if (seen === events) {
          complete++;
          if (complete === watchers) fanoutDone(performance.now());
        }
      });
    },
  );
  req.end();
  return req;
});
await new Promise((r) => setTimeout(r, 300));
sim.store.create(nsType, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'watched' } });
const writeStart = performance.now();
for (let i = 0; i < events; i++)
  sim.store.create(cmType, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `w-${i}`, namespace: 'watched' } });
const end = await Promise.race([allSeen, new Promise<number>((r) => setTimeout(() => r(-1), 30_000))]);
console.log(
  end < 0
    ? `watch fan-out: only ${complete}/${watchers} watchers got all ${events} events within 30 s`
    : `watch fan-out: ${watchers} watchers x ${events} events = ${watchers * events} deliveries in ${(end - writeStart).toFixed(0)} ms after the first write (${(end - started).toFixed(0)} ms including connection setup)`,
);
for (const r of requests) r.destroy();
keepAlive.destroy();
await sim.stop();

/**
 * Benchmark of the `opspilot` command end to end, as a user runs it (`node apps/cli/bin/opspilot.js …`, a new
 * process each time, after `scripts/build.mjs`): wall time of `--help`, `version`, `validate` of one small file and
 * `analyze -A` of the demo cluster (served by `opspilot sim serve`). Prints the median and the fastest of N runs
 * per command, the mean CPU time (user + system, on Linux) and its multiple of `node -e 0`'s (else the fastest
 * run's), each goal and the load average, which the wall times depend on.
 * Goals: --help and version ≤ 150 ms, validate ≤ 400 ms, analyze ≤ 1 s.
 *
 *   npx tsx bench/cliStartup.ts [runs=7]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 7);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'apps/cli/bin/opspilot.js');
const dir = mkdtempSync(join(tmpdir(), 'opspilot-bench-cli-'));

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app.kubernetes.io/name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 128Mi } }
`;

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc/self/stat (`cutime`, `cstime`, in
 * clock ticks of 10 ms); undefined off Linux. The CPU a command used is what a busy machine does not inflate.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Wall times of the runs in milliseconds (sorted), and their mean CPU time when the platform tells it. */
interface Timing {
  wall: number[];
  cpu?: number;
}

/** Runs `node script args…` `runs` times and times them. */
function time(args: string[], expectStatus: number[], env: Record<string, string> = {}, script = bin): Timing {
  const times: number[] = [];
  // One run first, not counted: it warms the file cache (and the first command would pay for the simulated
  // cluster's own start, which runs meanwhile).
  spawnSync(process.execPath, script ? [script, ...args] : args, { cwd: dir, env: { ...process.env, ...env } });
  const cpuBefore = childrenCpuMs();
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, script ? [script, ...args] : args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status === null || !expectStatus.includes(r.status)) {
      throw new Error(`opspilot ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
    }
    if (!env.OPSPILOT_FROM_SOURCE && r.stderr.includes('running from source')) {
      throw new Error('the build is stale (a source changed meanwhile?): run `npm run build`');
    }
  }
  const cpuAfter = childrenCpuMs();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / runs;
  return { wall: times.sort((a, b) => a - b), cpu };
}

/** Starts `opspilot sim serve --scenario demo` and resolves with its kubeconfig file once it serves. */
async function serveDemo(): Promise<{ child: ChildProcess; kubeconfig: string }> {
  const kubeconfig = join(dir, 'sim-kubeconfig.yaml');
  const child = spawn(
    process.execPath,
    [bin, 'sim', 'serve', '--scenario', 'demo', '--port', '0', '--kubeconfig-out', kubeconfig],
    { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`opspilot sim serve exited ${code}`)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('export KUBECONFIG=')) resolve();
    });
  });
  return { child, kubeconfig };
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('scripts/build.mjs failed');
writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
const sim = await serveDemo();
const rows: [string, number, Timing][] = [];
try {
  const before = loadavg();
  rows.push(['opspilot --help', 150, time(['--help'], [0])]);
  rows.push(['opspilot version', 150, time(['version'], [0])]);
  rows.push(['opspilot validate deployment.yaml', 400, time(['validate', 'deployment.yaml'], [0, 1])]);
  rows.push([
    'opspilot analyze -A (demo cluster)',
    1000,
    time(['analyze', '-A', '--kubeconfig', sim.kubeconfig], [0, 1]),
  ]);
  // For scale: Node itself, and the same command run from TypeScript (what every call cost before the build).
  rows.push(['node -e 0 (the floor)', Number.NaN, time(['-e', '0'], [0], {}, '')]);
  // Node 20 reads the certificates of NODE_EXTRA_CA_CERTS at every start, before any JavaScript runs (~30 ms of
  // the floor for a full CA bundle): shown apart, as the environment's share rather than opspilot's.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    rows.push([
      'node -e 0 without NODE_EXTRA_CA_CERTS',
      Number.NaN,
      time(['-e', '0'], [0], { NODE_EXTRA_CA_CERTS: '' }, ''),
    ]);
  }
  rows.push(['opspilot --help from source (tsx)', Number.NaN, time(['--help'], [0], { OPSPILOT_FROM_SOURCE: '1' })]);
  const after = loadavg();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`node ${process.version}, ${runs} runs each; load average before ${load(before)}, after ${load(after)}`);
  const floor = rows.find(([name]) => name.startsWith('node -e 0'))?.[2];
  for (const [name, goal, { wall, cpu }] of rows) {
    const median = wall[Math.floor(wall.length / 2)] ?? Number.NaN;
    const verdict = Number.isNaN(goal) ? '' : `goal ≤ ${goal} ms  ${median <= goal ? 'ok' : 'OVER'}`;
    const cpuText = cpu === undefined ? '' : `  cpu ${cpu.toFixed(0).padStart(4)} ms`;
    // Node's own start for scale: on a busy machine the ratio to it (of CPU times when known, which waiting for a
    // core does not inflate) says more than the milliseconds.
    const ratio =
      cpu !== undefined && floor?.cpu
        ? `  ${(cpu / floor.cpu).toFixed(1)}× floor cpu`
        : floor?.wall[0]
          ? `  ${((wall[0] ?? 0) / floor.wall[0]).toFixed(1)}× floor`
          : '';
    console.log(
      `${name.padEnd(38)} median ${median.toFixed(0).padStart(5)} ms  fastest ${wall[0]?.toFixed(0).padStart(5)} ms${cpuText}${ratio}  ${verdict}`,
    );
  }
} finally {
  sim.child.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
}

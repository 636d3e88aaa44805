// Benchmarks of the opspilot server (run on demand: `npx tsx bench/server.ts`): prints figures, asserts nothing.
// The server runs in a child process (SQLite, in-process event bus, the publisher in its event loop); the 1,000
// WebSocket subscribers run in worker threads of this process (`--subscriber-threads=N`, default 2), so that neither
// the server nor one subscriber loop reads a million messages a second alone. Each run prints how busy the server's
// event loop was and each subscriber thread's (loop busy time counts time the thread waited for a core, so it reads
// high on a loaded machine; the server's CPU seconds per second do not), and warns when a subscriber thread was
// saturated (then the figures are a floor of the server's capacity, not its measure). A run is "sustained" when every
// event arrived within a second of the last publish with p99 under 250 ms.
// 1. p50/p99 latency of `GET /api/v1/audit` (a page of 20 of 500 entries, bearer token) at 1,000 requests/s for
// 10 s (autocannon)   2. delivery latency of events to 1,000 WebSocket subscribers at 1,000 events/s for 2 s
// (1,000,000 deliveries/s asked of one process) and at 100 events/s for 3 s, each unbatched (one message per event)
// and batched (`batch: {max_delay_ms: 25}`: one array per subscriber and window); latency is counted from each
// event's scheduled send time, so a publisher falling behind shows up as latency.
// `--events-only` skips the list endpoint; `--rate=N` runs only the event runs at N events/s; `--seconds=N` sets
// their length; `--mode=batched|unbatched` runs one mode; `--batch-ms=N` sets the batch window.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OpspilotConfig } from '@opspilot/config';
import { createApiServices, startServer } from '@opspilot/server';
import { openStore } from '@opspilot/store';
import autocannon from 'autocannon';
import { pino } from 'pino';

const SUBSCRIBERS = 1_000;
interface EventRun {
  perSecond: number;
  seconds: number;
  batchMs?: number;
}
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const BATCH_MS = Number(flag('batch-ms') ?? 25);
const EVENT_RUNS: EventRun[] = [
  { perSecond: 1_000, seconds: 2 },
  { perSecond: 1_000, seconds: 2, batchMs: BATCH_MS },
  { perSecond: 100, seconds: 3 },
  { perSecond: 100, seconds: 3, batchMs: BATCH_MS },
];
/** A run is sustained when every event arrived within a second of the last publish and p99 stayed under this. */
const SUSTAINED_P99_MS = 250;
/** A run ends when every event arrived, or when nothing arrived for this long (a slow subscriber dropped some). */
const STALL_MS = 5_000;
const now = () => performance.timeOrigin + performance.now();
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-bench-'));
  const parsed = OpspilotConfig.parse({});
  const config = { ...parsed, server: { ...parsed.server, port: 0 } };
  const store = await openStore({ sqlitePath: join(dir, 'bench.db') });
  await store.migrate();
  const logger = pino({ level: 'silent' });
  const services = await createApiServices({ config, store, logger });
  const admin = await store.users.create({ username: 'admin', role: 'ADMIN', password_hash: 'scrypt$unused' });
  const { secret } = await services.auth.createToken(admin.id, 'bench');
  for (let i = 0; i < 500; i++) await store.audit.append({ user_id: admin.id, action: 'bench.seed', target: `n:${i}` });
  const server = await startServer({ config, store, logger, services });
  process.stdout.write(`${JSON.stringify({ url: server.url, token: secret })}\n`);
  console.error(`load average at start: ${loadAverage()}`);
  let measuredFrom = { at: now(), loop: performance.eventLoopUtilization(), cpu: process.cpuUsage() };
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.startsWith('publish ')) {
      const [perSecond, seconds] = line.split(' ').slice(1).map(Number) as [number, number];
      measuredFrom = { at: now(), loop: performance.eventLoopUtilization(), cpu: process.cpuUsage() };
      const interval = 1000 / perSecond;
      const start = now();
      for (let i = 0; i < perSecond * seconds; i++) {
        const due = start + i * interval;
        const wait = due - now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        await services.bus.publish({
          event_type: 'METRIC_UPDATE',
          timestamp: new Date().toISOString(),
          payload: { seq: i, sent_at: due },
        });
      }
      process.stdout.write('published\n');
    }
    if (line === 'stats') {
      const cpu = process.cpuUsage(measuredFrom.cpu);
      const seconds = (now() - measuredFrom.at) / 1000;
      const busy = performance.eventLoopUtilization(measuredFrom.loop).utilization;
      process.stdout.write(`${JSON.stringify({ busy, cpu: (cpu.user + cpu.system) / 1e6 / seconds })}\n`);
    }
    if (line === 'stop') break;
  }
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  // Leaving the loop closes readline but not the pipe, which would keep this process (and the parent) waiting.
  process.stdin.destroy();
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--serve',
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const { url, token } = JSON.parse(await next()) as { url: string; token: string };

  if (!process.argv.includes('--events-only')) await benchList(url, token);
  await benchEvents(url, token, child, next);
  child.stdin.write('stop\n');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function benchList(url: string, token: string): Promise<void> {
  const result = await autocannon({
    url: `${url}/api/v1/audit?page_size=20`,
    headers: { authorization: `Bearer ${token}` },
    connections: 50,
    overallRate: 1_000,
    duration: 10,
  });
  console.log(
    `list endpoint GET /api/v1/audit at 1,000 req/s: ${Math.round(result.requests.average)} req/s achieved, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors`,
  );
}

/** A subscriber thread (bench/serverSubscribers.ts) and the replies it has sent. */
interface SubscriberThread {
  worker: Worker;
  reply<T>(type: string): Promise<T>;
}

function startSubscriberThread(setup: object): SubscriberThread {
  // tsx does not hook a worker's own .ts entry on Node 20: register it first, then import the module.
  const entry = new URL('./serverSubscribers.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: setup },
  );
  const waiting = new Map<string, (message: unknown) => void>();
  worker.on('message', (message: { type: string }) => waiting.get(message.type)?.(message));
  worker.on('error', (error) => {
    console.error(error);
    process.exit(1);
  });
  return {
    worker,
    reply: <T>(type: string) => new Promise<T>((resolve) => waiting.set(type, resolve as (m: unknown) => void)),
  };
}

async function benchEvents(
  url: string,
  token: string,
  child: ReturnType<typeof spawn>,
  next: () => Promise<string>,
): Promise<void> {
  const rate = flag('rate');
  const mode = flag('mode');
  const seconds = flag('seconds');
  const runs = EVENT_RUNS.filter((run) => rate === undefined || run.perSecond === Number(rate))
    .filter((run) => mode === undefined || (mode === 'batched') === (run.batchMs !== undefined))
    .map((run) => (seconds ? { ...run, seconds: Number(seconds) } : run));
  const threads = Math.max(1, Number(flag('subscriber-threads') ?? 2));
  const counters = new SharedArrayBuffer(4 * threads);
  const counts = new Int32Array(counters);
  const subscribers = Array.from({ length: threads }, (_, index) => {
    const sockets = Math.floor(SUBSCRIBERS / threads) + (index < SUBSCRIBERS % threads ? 1 : 0);
    return startSubscriberThread({ url, token, sockets, index, counters });
  });
  await Promise.all(subscribers.map((s) => s.reply('connected')));
  const all = <T>(type: string, command?: object) => {
    const replies = Promise.all(subscribers.map((s) => s.reply<T>(type)));
    if (command) for (const s of subscribers) s.worker.postMessage(command);
    return replies;
  };
  const delivered = () => counts.reduce((sum, _, i) => sum + Atomics.load(counts, i), 0);

  for (const { perSecond, seconds, batchMs } of runs) {
    const subscription = { event_types: ['METRIC_UPDATE'], ...(batchMs ? { batch: { max_delay_ms: batchMs } } : {}) };
    await all('subscribed', { type: 'subscribe', subscription });
    await all('ready', { type: 'reset' });
    const expected = SUBSCRIBERS * perSecond * seconds;
    const loadBefore = loadAverage();
    const started = now();
    child.stdin?.write(`publish ${perSecond} ${seconds}\n`);
    await next();
    let last = { count: -1, at: now() };
    while (last.count < expected && now() - last.at < STALL_MS) {
      await new Promise((r) => setTimeout(r, 20));
      const count = delivered();
      if (count !== last.count) last = { count, at: now() };
    }
    const elapsed = (last.at - started) / 1000;
    child.stdin?.write('stats\n');
    const server = JSON.parse(await next()) as { busy: number; cpu: number };
    const collected = await all<{ latencies: Float64Array; messages: number; busy: number }>('collected', {
      type: 'collect',
    });
    const sorted = new Float64Array(collected.reduce((n, c) => n + c.latencies.length, 0));
    let offset = 0;
    for (const { latencies } of collected) {
      sorted.set(latencies, offset);
      offset += latencies.length;
    }
    sorted.sort();
    const messages = collected.reduce((n, c) => n + c.messages, 0);
    const threadsBusy = collected.map((c) => `${Math.round(c.busy * 100)}%`).join('/');
    const p99 = percentile(sorted, 0.99);
    const kept = sorted.length === expected && elapsed <= seconds + 1 && p99 < SUSTAINED_P99_MS;
    console.log(
      `${batchMs ? `batched (max_delay_ms ${batchMs})` : 'unbatched'}: events to ${SUBSCRIBERS} WebSocket subscribers ` +
        `at ${perSecond}/s for ${seconds} s: ${sorted.length} of ${expected} delivered in ${elapsed.toFixed(1)} s ` +
        `(${Math.round(sorted.length / elapsed)} deliveries/s in ${Math.round(messages / elapsed)} messages/s, ` +
        `${kept ? 'sustained' : 'NOT sustained'}), latency p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
        `max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms; server ${server.cpu.toFixed(2)} CPU s/s (loop busy ` +
        `${Math.round(server.busy * 100)}%), subscriber threads busy ${threadsBusy}; load average before ${loadBefore}`,
    );
    if (collected.some((c) => c.busy > 0.9)) {
      console.log('  a subscriber thread was saturated: this run measures the subscribers too, not the server alone');
    }
  }
  for (const s of subscribers) s.worker.postMessage({ type: 'close' });
  await Promise.all(subscribers.map((s) => new Promise((resolve) => s.worker.once('exit', resolve))));
}

if (process.argv.includes('--serve')) await serve();
else await main();

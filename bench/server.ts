// Benchmarks of the opspilot server (run on demand: `npx tsx bench/server.ts`): prints figures, asserts nothing.
// The server runs in a child process (SQLite, in-process event bus) so that the load generator does not share its
// event loop. 1. p50/p99 latency of `GET /api/v1/audit` (a page of 20 of 500 entries, bearer token) at 1,000
// requests/s for 10 s (autocannon)   2. delivery latency of events to 1,000 WebSocket subscribers at 1,000 events/s
// for 2 s (1,000,000 deliveries/s asked of one process), and at 100 events/s for 3 s; latency is counted from each
// event's scheduled send time, so a publisher falling behind shows up as latency.
// `--events-only` skips the list endpoint; `--rate=N` runs only the event run at N events/s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { OpspilotConfig } from '@opspilot/config';
import { createApiServices, startServer } from '@opspilot/server';
import { openStore } from '@opspilot/store';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { WebSocket } from 'ws';

const SUBSCRIBERS = 1_000;
const EVENT_RUNS: [perSecond: number, seconds: number][] = [
  [1_000, 2],
  [100, 3],
];
const now = () => performance.timeOrigin + performance.now();

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
  console.error(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.startsWith('publish ')) {
      const [perSecond, seconds] = line.split(' ').slice(1).map(Number) as [number, number];
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
    if (line === 'stop') break;
  }
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const percentile = (sorted: number[], p: number) =>
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

async function benchEvents(
  url: string,
  token: string,
  child: ReturnType<typeof spawn>,
  next: () => Promise<string>,
): Promise<void> {
  const rateFlag = process.argv.find((a) => a.startsWith('--rate='));
  const runs = rateFlag ? EVENT_RUNS.filter(([perSecond]) => perSecond === Number(rateFlag.slice(7))) : EVENT_RUNS;
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const acked = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ event_types: ['METRIC_UPDATE'] }));
    await acked;
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as { payload: { sent_at: number } };
      latencies.push(now() - event.payload.sent_at);
    });
    sockets.push(socket);
  }
  for (const [perSecond, seconds] of runs) {
    latencies.length = 0;
    const expected = SUBSCRIBERS * perSecond * seconds;
    const started = now();
    child.stdin?.write(`publish ${perSecond} ${seconds}\n`);
    await next();
    const deadline = now() + 300_000;
    while (latencies.length < expected && now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const elapsed = (now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `events to ${SUBSCRIBERS} WebSocket subscribers at ${perSecond}/s for ${seconds} s: ` +
        `${sorted.length} of ${expected} delivered in ${elapsed.toFixed(1)} s ` +
        `(${Math.round(sorted.length / elapsed)} deliveries/s), latency p50 ${percentile(sorted, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
    );
  }
  for (const socket of sockets) socket.terminate();
}

if (process.argv.includes('--serve')) await serve();
else await main();

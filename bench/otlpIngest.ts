/**
 * Benchmark of OTLP trace ingest: exports of `batch` spans (traces of 3 spans: frontend → backend → database, as the
 * simulated applications send them) posted back to back to the real server's `POST /v1/traces` (SQLite store, in
 * this process, over loopback HTTP) for `seconds`, as protobuf and then as JSON. Prints spans per second of wall time
 * and per second of this process's CPU time (user + system: the receiver, the store and the small client share the
 * process — "on one core" is the CPU figure), then the decoding and the storing alone. Goal: 10,000 spans/s
 * sustained on one core.
 *
 *   npx tsx bench/otlpIngest.ts [seconds=10] [batch=1000]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpspilotConfig } from '@opspilot/config';
import { decodeOtlpTraces, encodeOtlpTraces } from '@opspilot/observe';
import { createApiServices, startServer } from '@opspilot/server';
import { openStore } from '@opspilot/store';
import { pino } from 'pino';

const seconds = Number(process.argv[2] ?? 10);
const batch = Number(process.argv[3] ?? 1000);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** One export of `batch` spans with fresh ids, starting at `at`. */
function exportOf(at: number): unknown {
  const byService = new Map<string, unknown[]>([
    ['frontend', []],
    ['backend', []],
    ['postgresql', []],
  ]);
  for (let i = 0; i < batch / 3; i++) {
    const traceId = hex(16);
    const ids = [hex(8), hex(8), hex(8)];
    const t = at + i;
    [...byService.values()].forEach((spans, depth) => {
      spans.push({
        traceId,
        spanId: ids[depth],
        ...(depth > 0 ? { parentSpanId: ids[depth - 1] } : {}),
        name: ['GET /', 'GET /api/todos', 'SELECT todo'][depth],
        kind: 2,
        startTimeUnixNano: `${BigInt(t + depth) * 1_000_000n}`,
        endTimeUnixNano: `${BigInt(t + 40 - depth * 10) * 1_000_000n}`,
        attributes: [
          kv('http.request.method', 'GET'),
          kv('url.path', '/api/todos'),
          { key: 'http.response.status_code', value: { intValue: '200' } },
        ],
        status: { code: 0 },
      });
    });
  }
  return {
    resourceSpans: [...byService.entries()].map(([service, spans]) => ({
      resource: { attributes: [kv('service.name', service), kv('k8s.namespace.name', 'todo')] },
      scopeSpans: [{ scope: { name: 'bench' }, spans }],
    })),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'opspilot-bench-otlp-'));
const parsed = OpspilotConfig.parse({ traces: { max_bytes: 64 * 1024 * 1024 } });
const config = { ...parsed, server: { ...parsed.server, port: 0 } };
const store = await openStore({ sqlitePath: join(dir, 'bench.db') });
await store.migrate();
const logger = pino({ level: 'silent' });
const services = await createApiServices({ config, store, logger });
const admin = await store.users.create({ username: 'admin', role: 'ADMIN', password_hash: 'scrypt$unused' });
const { secret } = await services.auth.createToken(admin.id, 'bench');
const server = await startServer({ config, store, logger, services });
console.log(`load average at start: ${load()}; ${batch} spans per export, ${seconds} s per encoding`);

// For the parts alone: bodies prepared before any clock starts.
const pool = Array.from({ length: 40 }, (_, i) => exportOf(Date.now() - 60_000 + i * 1000));
const protobufBodies = pool.map((e) => Buffer.from(encodeOtlpTraces(e)));
const jsonBodies = pool.map((e) => JSON.stringify(e));

async function run(kind: 'protobuf' | 'json'): Promise<void> {
  const type = kind === 'protobuf' ? 'application/x-protobuf' : 'application/json';
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let spans = 0;
  let n = 0;
  let buildUs = 0;
  while (performance.now() - t0 < seconds * 1000) {
    // Every export has fresh ids (a re-sent one would store nothing); building it is the client's cost, subtracted.
    const b0 = process.cpuUsage();
    const exported = exportOf(Date.now() - 30_000 + n);
    const body = kind === 'protobuf' ? Buffer.from(encodeOtlpTraces(exported)) : JSON.stringify(exported);
    const b = process.cpuUsage(b0);
    buildUs += b.user + b.system;
    n++;
    const answer = await fetch(`${server.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${secret}` },
      body,
    });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`the receiver answered ${answer.status}`);
    spans += batch;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system - buildUs) / 1e6;
  console.log(
    `${kind.padEnd(8)} ${spans} spans in ${n} exports in ${wall.toFixed(2)} s (${(spans / wall).toFixed(0)} spans/s wall, ` +
      `building them included); receiving and storing: CPU ${cpuS.toFixed(2)} s → ${(spans / cpuS).toFixed(0)} spans per CPU-second`,
  );
}

await run('protobuf');
await run('json');

// The parts alone, on the pooled bodies.
for (const [kind, bodies] of [
  ['protobuf', protobufBodies],
  ['json', jsonBodies],
] as const) {
  const cpu0 = process.cpuUsage();
  let spans = 0;
  for (const body of bodies) spans += decodeOtlpTraces(body, kind).length;
  const cpu = process.cpuUsage(cpu0);
  console.log(`decode ${kind.padEnd(8)} ${(spans / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} spans per CPU-second`);
}
const records = decodeOtlpTraces(protobufBodies[0], 'protobuf').map((r) => ({ ...r, trace_id: hex(16) }));
const cpu0 = process.cpuUsage();
let stored = 0;
for (let i = 0; i < 20; i++) {
  const fresh = records.map((r) => ({
    ...r,
    trace_id: `${r.trace_id.slice(0, 24)}${i.toString(16).padStart(8, '0')}`,
  }));
  await store.transaction((tx) => tx.spans.insert(fresh));
  stored += fresh.length;
}
const cpu = process.cpuUsage(cpu0);
console.log(
  `store (SQLite, one transaction per export) ${(stored / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} spans per CPU-second`,
);
console.log(`load average at end: ${load()}`);
await server.close();
rmSync(dir, { recursive: true, force: true });

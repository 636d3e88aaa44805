/**
 * Benchmark of a federated range query: one PromQL range query over 5 clusters × 1,000 series × 1 h at 15 s
 * (241 points per series, 1.2 million samples in all). Each cluster's "Prometheus" is a loopback HTTP server that
 * answers a precomputed body in Prometheus's JSON format, so the figures are opspilot's part: the requests, reading
 * and validating the JSON, tagging each cluster's result and merging the series for a chart. A second run hands the
 * same bodies over without HTTP to isolate parsing, tagging and merging (samples stay packed until read, as a chart or
 * a top list may read few of them); a second variant of it then reads every sample as a `[t, "v"]` pair, as
 * serializing the whole answer with JSON.stringify does; a third serialises the merged answer to JSON with
 * stringifyAnswer, which copies the packed samples from the answer's text without making pairs (one
 * `{ ...answer, series }` string, its length reported); a fourth hands them over with a leading space,
 * which takes the generic path (JSON.parse and the shape check) instead of the one-pass matrix reader, for comparison.
 * Last, the same query through the server's API route (`GET /api/v1/metrics/query_range`, and tRPC's
 * `metrics.queryRange` as the web app calls it), in process with Fastify's `inject`: the output schema, the response
 * written with stringifyAnswer, the whole body produced (its size reported).
 * Wall and CPU time (all threads: the collector's too) are printed. Goal: ≤ 500 ms after Prometheus answers.
 *
 *   npx tsx bench/federatedQuery.ts [clusters=5] [series=1000] [runs=5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpspilotConfig } from '@opspilot/config';
import {
  createFederatedMetrics,
  createPrometheusClient,
  type MetricsCluster,
  mergeSeries,
  stringifyAnswer,
} from '@opspilot/observe';
import { buildServer, createApiServices } from '@opspilot/server';
import { openStore } from '@opspilot/store';
import { pino } from 'pino';

const clusterCount = Number(process.argv[2] ?? 5);
const seriesCount = Number(process.argv[3] ?? 1000);
const runs = Number(process.argv[4] ?? 5);
const END = Date.parse('2026-01-01T12:00:00Z') / 1000;
const START = END - 3600;
const STEP = 15;

function body(cluster: number): string {
  const result = [];
  for (let s = 0; s < seriesCount; s++) {
    const values: [number, string][] = [];
    for (let t = START; t <= END; t += STEP) values.push([t, String(((s * 7 + t + cluster) % 1000) / 1000)]);
    result.push({ metric: { namespace: `ns-${s % 20}`, pod: `pod-${cluster}-${s}`, container: 'app' }, values });
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
const bodies = Array.from({ length: clusterCount }, (_, i) => body(i));
const servers: Server[] = [];
const urls: string[] = [];
for (const text of bodies) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const request = {
  start_time: new Date(START * 1000).toISOString(),
  end_time: new Date(END * 1000).toISOString(),
  step: '15s',
};
const overHttp: MetricsCluster[] = urls.map((url, i) => ({
  id: uuid(i),
  name: `cluster-${i}`,
  prometheus: createPrometheusClient({ url }),
}));
const inMemory = (prefix: string): MetricsCluster[] =>
  bodies.map((text, i) => ({
    id: uuid(i),
    name: `cluster-${i}`,
    prometheus: createPrometheusClient({
      url: `http://cluster-${i}`,
      fetch: async () => new Response(prefix + text, { headers: { 'content-type': 'application/json' } }),
    }),
  }));

async function measure(label: string, clusters: MetricsCluster[], then: 'read' | 'serialise' | 'none' = 'none') {
  const metrics = createFederatedMetrics({
    clusters: () => clusters,
    limits: { maxRangeSeconds: 86_400, minStepSeconds: 1, maxPointsPerSeries: 11_000, maxSeries: 10_000 },
  });
  const times: number[] = [];
  const cpu: number[] = [];
  let merged = 0;
  let written = 0;
  for (let r = 0; r < runs + 1; r++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const answer = await metrics.range('sum by (namespace, pod, container) (rate(x[5m]))', request);
    const series = mergeSeries(answer.results);
    merged = series.length;
    // Samples stay packed until read (see packedSamples): this reads every one, as JSON.stringify of the answer does.
    if (then === 'read') for (const s of series) if (s.values.length === 0) throw new Error('no samples');
    if (then === 'serialise') written = stringifyAnswer({ ...answer, series }).length;
    if (answer.status !== 'SUCCESS')
      throw new Error(`unexpected status ${answer.status}: ${answer.results.map((x) => x.error).join('; ')}`);
    const used = process.cpuUsage(cpuStarted);
    if (r > 0) {
      times.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label}: median ${median.toFixed(0)} ms (CPU ${cpu[Math.floor(cpu.length / 2)]!.toFixed(0)} ms), best ${times[0]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${merged} series merged${written ? `, ${(written / 1e6).toFixed(1)} MB of JSON written` : ''})`,
  );
  if (then === 'serialise') {
    // Once more, outside the figures: the same bytes as JSON.stringify, which makes every pair (timed once).
    const answer = await metrics.range('sum by (namespace, pod, container) (rate(x[5m]))', request);
    const merged = { ...answer, series: mergeSeries(answer.results) };
    const ours = stringifyAnswer(merged);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const theirs = JSON.stringify(merged);
    const used = process.cpuUsage(cpuStarted);
    if (ours !== theirs) throw new Error('stringifyAnswer differs from JSON.stringify');
    console.log(
      `  same bytes as JSON.stringify of the pairs, which takes ${(performance.now() - started).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms) once on its own after the query`,
    );
  }
  return [median, cpu[Math.floor(cpu.length / 2)]!] as const;
}

const mb = bodies.reduce((n, b) => n + b.length, 0) / 1e6;
console.log(
  `federated range query: ${clusterCount} clusters × ${seriesCount} series × ${(END - START) / STEP + 1} points (${mb.toFixed(1)} MB of JSON), ${runs} runs after a warm-up`,
);
await measure('over loopback HTTP (requests + parse + validate + tag + merge)', overHttp);
const [ours, oursCpu] = await measure('after Prometheus answers (parse + validate + tag + merge)', inMemory(''));
await measure('the same, then every sample read as a [t, "v"] pair', inMemory(''), 'read');
await measure('the same, then serialising the merged answer to JSON (stringifyAnswer)', inMemory(''), 'serialise');
await measure('the same through the generic path (JSON.parse + shape check)', inMemory(' '));

/** The same range query through the server's API route, over loopback HTTP to the same "Prometheus" servers. */
async function measureServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-bench-'));
  const parsed = OpspilotConfig.parse({});
  const config = { ...parsed, server: { ...parsed.server, port: 0 } };
  const store = await openStore({ sqlitePath: join(dir, 'bench.db') });
  await store.migrate();
  const logger = pino({ level: 'silent' });
  const services = await createApiServices({ config, store, logger });
  const app = buildServer({ config, store, logger, services });
  await app.ready();
  const admin = await store.users.create({ username: 'admin', role: 'ADMIN', password_hash: 'scrypt$unused' });
  const { secret } = await services.auth.createToken(admin.id, 'bench');
  const ids: string[] = [];
  for (const [i, url] of urls.entries()) {
    const cluster = await store.clusters.create({
      name: `cluster-${i}`,
      api_server_url: `https://cluster-${i}.example`,
      endpoints: { prometheus_url: url },
    });
    ids.push(cluster.id);
  }
  const query = 'sum by (namespace, pod, container) (rate(x[5m]))';
  const rest = `/api/v1/metrics/query_range?${new URLSearchParams({ query, cluster_ids: ids.join(','), ...request })}`;
  const input = encodeURIComponent(JSON.stringify({ 0: { query, cluster_ids: ids, ...request } }));
  const trpc = `/api/trpc/metrics.queryRange?batch=1&input=${input}`;
  for (const [label, url] of [
    ['REST GET /api/v1/metrics/query_range', rest],
    ['tRPC metrics.queryRange (batched, as the web app asks)', trpc],
  ] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    for (let r = 0; r < runs + 1; r++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
      const used = process.cpuUsage(cpuStarted);
      if (response.statusCode !== 200)
        throw new Error(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      size = response.body.length;
      if (r > 0) {
        times.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      `through the server API route, ${label} (requests + parse + validate + tag + output schema + body): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (CPU ${cpu[Math.floor(cpu.length / 2)]!.toFixed(0)} ms), best ${times[0]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${(size / 1e6).toFixed(1)} MB body)`,
    );
  }
  await app.close();
  await services.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
await measureServer();

const parseTimes: number[] = [];
const parseCpu: number[] = [];
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const text of bodies) JSON.parse(text);
  const used = process.cpuUsage(cpuStarted);
  parseTimes.push(performance.now() - started);
  parseCpu.push((used.user + used.system) / 1000);
}
parseTimes.sort((a, b) => a - b);
parseCpu.sort((a, b) => a - b);
console.log(
  `JSON.parse alone of the same bodies, for comparison: median ${parseTimes[Math.floor(runs / 2)]!.toFixed(0)} ms (CPU ${parseCpu[Math.floor(runs / 2)]!.toFixed(0)} ms)`,
);
console.log(
  `machine load average: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const verdict = (ms: number) => (ms <= 500 ? 'met' : 'NOT met');
console.log(
  `goal ≤ 500 ms after Prometheus answers: ${verdict(ours)} in wall time, ${verdict(oursCpu)} in CPU time (wall time counts the other processes of a busy machine)`,
);
for (const server of servers) server.close();

import type { SpanRecord } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

const T0 = Date.parse('2026-03-01T10:00:00Z') * 1000;
let n = 0;
const hex = (width: number) => (++n).toString(16).padStart(width, '0');

/** One trace frontend → backend → database, `ms` long, the backend failing when `error`. */
function trace(startUs: number, ms: number, options: { error?: boolean; cluster?: string; service?: string } = {}) {
  const traceId = hex(32);
  const [a, b, c] = [hex(16), hex(16), hex(16)];
  const base = {
    trace_id: traceId,
    kind: 'SERVER' as const,
    logs: [],
    ...(options.cluster ? { cluster_id: options.cluster } : {}),
  };
  const spans: SpanRecord[] = [
    {
      ...base,
      span_id: a,
      service_name: options.service ?? 'frontend',
      operation_name: 'GET /',
      start_unix_us: startUs,
      duration_us: ms * 1000,
      status: 'OK',
      tags: { 'http.response.status_code': options.error ? '500' : '200' },
    },
    {
      ...base,
      span_id: b,
      parent_span_id: a,
      service_name: 'backend',
      operation_name: 'GET /api/todos',
      start_unix_us: startUs + 1000,
      duration_us: ms * 800,
      status: options.error ? 'ERROR' : 'OK',
      tags: options.error
        ? { error: 'true', 'http.response.status_code': '500' }
        : { 'http.response.status_code': '200' },
    },
    {
      ...base,
      span_id: c,
      parent_span_id: b,
      service_name: 'postgresql',
      operation_name: 'SELECT todos',
      kind: 'CLIENT',
      start_unix_us: startUs + 2000,
      duration_us: ms * 500,
      status: 'UNSET',
      tags: { 'db.system': 'postgresql' },
    },
  ];
  return { traceId, spans };
}

describe.each(DIALECTS)('spans on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  let clusterId: string;
  const fast = trace(T0, 20);
  const slow = trace(T0 + 60_000_000, 900, { error: true });
  const other = trace(T0 + 120_000_000, 50, { service: 'order-api' });
  let elsewhere: ReturnType<typeof trace>;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
    clusterId = (await store.clusters.create({ name: 'traced', api_server_url: 'https://t.example.com' })).id;
    elsewhere = trace(T0 + 30_000_000, 10, { cluster: clusterId });
    await store.spans.insert([...fast.spans, ...slow.spans, ...other.spans, ...elsewhere.spans]);
  });
  afterAll(async () => t?.cleanup());

  it('stores spans once: a re-sent export inserts nothing', async () => {
    expect(await store.spans.insert(fast.spans)).toEqual({ inserted: 0 });
    expect((await store.spans.getTrace(fast.traceId))?.span_count).toBe(3);
  });

  it('reads a trace back with its spans, parents, root, duration and errors', async () => {
    const got = await store.spans.getTrace(slow.traceId.toUpperCase());
    expect(got).toMatchObject({
      trace_id: slow.traceId,
      root_service: 'frontend',
      root_operation: 'GET /',
      duration_ms: 900,
      span_count: 3,
      service_count: 3,
      has_errors: true,
      start_time: '2026-03-01T10:01:00.000Z',
    });
    expect(got?.spans.map((s) => [s.service_name, s.parent_span_id, s.status, s.duration_ms])).toEqual([
      ['frontend', undefined, 'OK', 900],
      ['backend', slow.spans[0]?.span_id, 'ERROR', 720],
      ['postgresql', slow.spans[1]?.span_id, 'UNSET', 450],
    ]);
    expect(await store.spans.getTrace('f'.repeat(32))).toBeUndefined();
  });

  const ids = async (query: Record<string, unknown>) =>
    (await store.spans.search(query as never)).map((trace) => trace.trace_id);

  it('filters by service (with wildcards), operation, tags, duration, time and cluster, newest first', async () => {
    expect(await ids({})).toEqual([other.traceId, slow.traceId, elsewhere.traceId, fast.traceId]);
    expect(await ids({ service_name: 'frontend' })).toEqual([slow.traceId, elsewhere.traceId, fast.traceId]);
    expect(await ids({ service_name: 'order-*' })).toEqual([other.traceId]);
    expect(await ids({ service_name: 'Order-*' })).toEqual([]);
    expect(await ids({ operation_name: 'SELECT todos', service_name: 'postgresql' })).toHaveLength(4);
    expect(await ids({ tags: { error: 'true' } })).toEqual([slow.traceId]);
    expect(await ids({ tags: { 'http.response.status_code': '500', error: 'true' } })).toEqual([slow.traceId]);
    expect(await ids({ tags: { 'http.response.status_code': '50' } })).toEqual([]);
    expect(await ids({ min_duration_ms: 100 })).toEqual([slow.traceId]);
    expect(await ids({ max_duration_ms: 20 })).toEqual([elsewhere.traceId, fast.traceId]);
    expect(await ids({ start_time: '2026-03-01T10:00:30Z', end_time: '2026-03-01T10:01:30Z' })).toEqual([
      slow.traceId,
      elsewhere.traceId,
    ]);
    expect(await ids({ cluster_ids: [clusterId] })).toEqual([elsewhere.traceId]);
    expect(await ids({ trace_id: fast.traceId })).toEqual([fast.traceId]);
    expect(await ids({ limit: 1 })).toEqual([other.traceId]);
    const [summary] = await store.spans.search({ trace_id: slow.traceId } as never);
    expect(summary).toMatchObject({ span_count: 3, has_errors: true, spans: [] });
  });

  it('prunes spans older than the retention', async () => {
    const old = trace(T0 - 7_200_000_000, 5);
    await store.spans.insert(old.spans);
    expect(await store.spans.prune(new Date(T0 / 1000 - 3_600_000))).toBe(3);
    expect(await store.spans.getTrace(old.traceId)).toBeUndefined();
    expect(await store.spans.getTrace(fast.traceId)).toBeDefined();
  });
});

import type { Event } from '@opspilot/core';
import { decodeRpcStatus, encodeOtlpTraces } from '@opspilot/observe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const T0 = Date.parse('2026-03-01T09:59:00Z');
let counter = 0;
const id = (bytes: number) => (++counter).toString(16).padStart(bytes * 2, '0');
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** An OTLP/JSON export of one trace frontend → backend, `ms` long, failing in the backend when `fail`. */
function exportOf(options: { ms: number; fail?: boolean; cluster?: string; at?: number }) {
  const traceId = id(16);
  const [root, child] = [id(8), id(8)];
  const at = options.at ?? T0;
  const resource = (service: string) => ({
    attributes: [kv('service.name', service), ...(options.cluster ? [kv('k8s.cluster.name', options.cluster)] : [])],
  });
  return {
    traceId,
    body: {
      resourceSpans: [
        {
          resource: resource('frontend'),
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: root,
                  name: 'GET /',
                  kind: 2,
                  startTimeUnixNano: nanos(at),
                  endTimeUnixNano: nanos(at + options.ms),
                  status: {},
                },
              ],
            },
          ],
        },
        {
          resource: resource('backend'),
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: child,
                  parentSpanId: root,
                  name: 'GET /api/todos',
                  kind: 2,
                  startTimeUnixNano: nanos(at + 1),
                  endTimeUnixNano: nanos(at + options.ms - 1),
                  attributes: [{ key: 'http.response.status_code', value: { intValue: options.fail ? 500 : 200 } }],
                  status: options.fail ? { code: 2, message: 'upstream timeout' } : { code: 1 },
                },
              ],
            },
          ],
        },
      ],
    },
  };
}

describe('the OTLP/HTTP trace receiver and the traces API', () => {
  let t: TestApi;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi({ config: { traces: { max_bytes: 64 * 1024 } } });
    clusterId = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'shop-prod', api_server_url: 'https://10.0.0.2' })
    ).json().id;
    await t.rest('POST', `/users/${t.users.operator.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => t?.close());

  const post = (token: string | undefined, body: string | Uint8Array, type: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/v1/traces${query}`,
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: Buffer.from(body),
    });

  it('stores an OTLP/JSON export, answers with an empty response and publishes TRACE_RECEIVED', async () => {
    const events: Event[] = [];
    const stop = t.services.bus.subscribe({ event_types: ['TRACE_RECEIVED'] }, (e) => void events.push(e));
    const { traceId, body } = exportOf({ ms: 40, cluster: 'shop-prod' });
    const answer = await post(t.users.operator.token, JSON.stringify(body), 'application/json');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({});
    const trace = await t.rest('GET', `/traces/${traceId}`, t.users.operator.token);
    expect(trace.statusCode).toBe(200);
    expect(trace.json()).toMatchObject({
      trace_id: traceId,
      cluster_id: clusterId,
      cluster_name: 'shop-prod',
      span_count: 2,
      root_service: 'frontend',
      duration_ms: 40,
    });
    await expect.poll(() => events.map((e) => e.payload.trace_id)).toContain(traceId);
    expect(events.find((e) => e.payload.trace_id === traceId)).toMatchObject({
      cluster_id: clusterId,
      payload: { services: ['frontend', 'backend'], spans: 2, errors: 0 },
    });
    if (typeof stop === 'function') stop();
  });

  it('stores a protobuf export and answers in protobuf', async () => {
    const { traceId, body } = exportOf({ ms: 900, fail: true });
    const answer = await post(t.users.admin.token, encodeOtlpTraces(body), 'application/x-protobuf');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/x-protobuf');
    expect(answer.rawPayload).toHaveLength(0);
    const got = (await t.rest('GET', `/traces/${traceId}`, t.users.admin.token)).json();
    expect(got).toMatchObject({ has_errors: true, duration_ms: 900 });
    expect(got.spans[1]).toMatchObject({
      service_name: 'backend',
      status: 'ERROR',
      tags: { 'http.response.status_code': '500', error: 'true' },
    });
  });

  it('refuses a body that does not parse with 400 and the reason, storing nothing of it', async () => {
    const good = exportOf({ ms: 10 });
    const bad = structuredClone(good.body);
    // The second resource's span has a base64 id: the whole export is refused, the first resource's span too.
    (bad.resourceSpans[1]?.scopeSpans[0]?.spans[0] as { spanId: string }).spanId = 'AAAAAAAAAAE=';
    const refused = await post(t.users.admin.token, JSON.stringify(bad), 'application/json');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/resourceSpans\[1\]\.scopeSpans\[0\]\.spans\[0\]\.spanId: expected 8 bytes/);
    expect((await t.rest('GET', `/traces/${good.traceId}`, t.users.admin.token)).statusCode).toBe(404);
    expect((await post(t.users.admin.token, '{"resourceSpans":', 'application/json')).json().message).toMatch(
      /not JSON/,
    );
    const garbage = await post(
      t.users.admin.token,
      Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]),
      'application/x-protobuf',
    );
    expect(garbage.statusCode).toBe(400);
    expect(garbage.headers['content-type']).toBe('application/x-protobuf');
    const status = decodeRpcStatus(garbage.rawPayload);
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/not an OTLP protobuf ExportTraceServiceRequest/);
    const unauthenticated = await post(undefined, encodeOtlpTraces(good.body), 'application/x-protobuf');
    expect(unauthenticated.statusCode).toBe(401);
    expect(decodeRpcStatus(unauthenticated.rawPayload).code).toBe(16);
  });

  it('refuses unknown callers, viewers, unknown clusters, other content types and oversized bodies', async () => {
    const { body } = exportOf({ ms: 5 });
    const json = JSON.stringify(body);
    expect((await post(undefined, json, 'application/json')).statusCode).toBe(401);
    expect((await post(t.users.viewer.token, json, 'application/json')).statusCode).toBe(403);
    expect((await post(t.users.operator.token, json, 'application/json')).statusCode).toBe(404);
    expect((await post(t.users.admin.token, json, 'application/json', '?cluster=nope')).statusCode).toBe(404);
    expect((await post(t.users.admin.token, json, 'text/plain')).statusCode).toBe(415);
    const huge = await post(t.users.admin.token, 'x'.repeat(70 * 1024), 'application/json');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toMatch(/traces\.max_bytes/);
  });

  it('searches by service, duration, tags and time, and keeps each caller to their clusters', async () => {
    const slow = exportOf({ ms: 1500, fail: true, cluster: 'shop-prod', at: T0 + 5_000 });
    const quick = exportOf({ ms: 3, at: T0 + 6_000 });
    for (const e of [slow, quick]) await post(t.users.admin.token, JSON.stringify(e.body), 'application/json');
    const search = async (token: string, query: string) => (await t.rest('GET', `/traces?${query}`, token)).json();
    const errors = await search(t.users.admin.token, 'tag=error=true&min_duration_ms=1000');
    expect(errors.source).toBe('store');
    expect(errors.traces.map((x: { trace_id: string }) => x.trace_id)).toEqual([slow.traceId]);
    expect(errors.traces[0]).toMatchObject({ has_errors: true, span_count: 2, service_count: 2, spans: [] });
    const quickOnes = await search(t.users.admin.token, 'service_name=front*&max_duration_ms=5&since=2m');
    expect(quickOnes.traces.map((x: { trace_id: string }) => x.trace_id)).toContain(quick.traceId);
    expect(quickOnes.traces.map((x: { trace_id: string }) => x.trace_id)).not.toContain(slow.traceId);
    // The operator sees the traces of shop-prod only; a trace of no cluster is not theirs.
    const mine = await search(t.users.operator.token, 'limit=100');
    expect(mine.traces.every((x: { cluster_id?: string }) => x.cluster_id === clusterId)).toBe(true);
    expect((await t.rest('GET', `/traces/${quick.traceId}`, t.users.operator.token)).statusCode).toBe(404);
    const bad = await t.rest('GET', '/traces?min_duration_ms=10&max_duration_ms=5', t.users.admin.token);
    expect(bad.statusCode).toBe(400);
    expect((await t.rest('GET', '/traces/not-hex', t.users.admin.token)).statusCode).toBe(400);
  });

  it('prunes spans older than traces.retention', async () => {
    const old = exportOf({ ms: 5, at: Date.parse('2026-02-27T10:00:00Z') });
    await post(t.users.admin.token, JSON.stringify(old.body), 'application/json');
    await t.clock.advance(61_000);
    await t.rest('GET', '/traces', t.users.admin.token);
    expect((await t.rest('GET', `/traces/${old.traceId}`, t.users.admin.token)).statusCode).toBe(404);
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import { UpstreamError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempoClient } from './tempoClient.js';
import { createTempoTraceSource } from './tempoTraceSource.js';

const TRACE = '2f3e0cee77ae5dc9c17ade3689eb2e54';
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** A loopback server answering as Tempo's HTTP API documents (ids in base64 in /api/traces, as Tempo writes them). */
function fakeTempo(requests: { url: URL; headers: IncomingMessage['headers'] }[]): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://tempo');
    requests.push({ url, headers: req.headers });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/api/search') {
      if ((url.searchParams.get('q') ?? '').includes('bad'))
        return send(400, 'invalid TraceQL query: parse error at line 1, col 3');
      return send(200, {
        traces: [
          {
            traceID: TRACE,
            rootServiceName: 'frontend',
            rootTraceName: 'GET /',
            startTimeUnixNano: '1772359200000000000',
            durationMs: 742,
            spanSet: {
              spans: [
                { spanID: '0000000000000002', startTimeUnixNano: '1772359200100000000', durationNanos: '600000000' },
              ],
              matched: 1,
            },
            serviceStats: { frontend: { spanCount: 1 }, backend: { spanCount: 2, errorCount: 1 } },
          },
          { traceID: 'abc', rootServiceName: '<root span not yet received>', startTimeUnixNano: '1772359100000000000' },
        ],
        metrics: { inspectedTraces: 2 },
      });
    }
    if (url.pathname === `/api/traces/${TRACE}`) {
      const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });
      return send(200, {
        batches: [
          {
            resource: { attributes: [kv('service.name', 'frontend'), kv('k8s.cluster.name', 'prod')] },
            scopeSpans: [
              {
                scope: { name: 'http' },
                spans: [
                  {
                    traceId: b64(TRACE),
                    spanId: b64('0000000000000001'),
                    name: 'GET /',
                    kind: 'SPAN_KIND_SERVER',
                    startTimeUnixNano: '1772359200000000000',
                    endTimeUnixNano: '1772359200742000000',
                    status: {},
                  },
                ],
              },
            ],
          },
          {
            resource: { attributes: [kv('service.name', 'backend')] },
            scopeSpans: [
              {
                scope: { name: 'http' },
                spans: [
                  {
                    traceId: b64(TRACE),
                    spanId: b64('0000000000000002'),
                    parentSpanId: b64('0000000000000001'),
                    name: 'GET /api/todos',
                    kind: 'SPAN_KIND_SERVER',
                    startTimeUnixNano: '1772359200100000000',
                    endTimeUnixNano: '1772359200700000000',
                    status: { code: 'STATUS_CODE_ERROR', message: 'db timeout' },
                  },
                ],
              },
            ],
          },
        ],
      });
    }
    if (url.pathname.startsWith('/api/traces/')) return send(404, 'trace not found');
    return send(404, '404 page not found');
  });
}

describe("the Tempo adapter, against a server speaking Tempo's documented format", () => {
  const requests: { url: URL; headers: IncomingMessage['headers'] }[] = [];
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = fakeTempo(requests);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));
  const source = () =>
    createTempoTraceSource({
      client: createTempoClient({ url, bearerToken: 'secret', tenant: 'team-a' }),
      now: () => new Date('2026-03-01T10:00:00Z'),
    });

  it('searches with TraceQL, duration bounds, a window and the limit, and reads the summaries', async () => {
    const traces = await source().search({
      service_name: 'front*',
      operation_name: 'GET /',
      tags: { 'http.response.status_code': '500', error: 'true' },
      min_duration_ms: 100,
      max_duration_ms: 5000,
      limit: 5,
    } as never);
    const sent = requests.at(-1)!;
    expect(sent.url.searchParams.get('q')).toBe(
      '{ resource.service.name =~ "front.*" && name = "GET /" && .http.response.status_code = 500 && status = error }',
    );
    expect(Object.fromEntries(sent.url.searchParams)).toMatchObject({
      minDuration: '100ms',
      maxDuration: '5000ms',
      limit: '5',
      end: String(Date.parse('2026-03-01T10:00:00Z') / 1000),
      start: String(Date.parse('2026-03-01T09:00:00Z') / 1000),
    });
    expect(sent.headers.authorization).toBe('Bearer secret');
    expect(sent.headers['x-scope-orgid']).toBe('team-a');
    expect(traces[0]).toEqual({
      trace_id: TRACE,
      root_service: 'frontend',
      root_operation: 'GET /',
      start_time: '2026-03-01T10:00:00.000Z',
      duration_ms: 742,
      span_count: 3,
      service_count: 2,
      has_errors: true,
      spans: [],
    });
    expect(traces[1]).toMatchObject({ trace_id: `${'0'.repeat(29)}abc`, duration_ms: 0, span_count: 0 });
  });

  it('fetches a trace by id with its spans, parents and status from base64 ids', async () => {
    const trace = await source().getTrace(TRACE.toUpperCase());
    expect(trace).toMatchObject({
      trace_id: TRACE,
      cluster_name: 'prod',
      root_service: 'frontend',
      duration_ms: 742,
      span_count: 2,
      service_count: 2,
      has_errors: true,
    });
    expect(trace?.spans.map((s) => [s.service_name, s.span_id, s.parent_span_id, s.status])).toEqual([
      ['frontend', '0000000000000001', undefined, 'UNSET'],
      ['backend', '0000000000000002', '0000000000000001', 'ERROR'],
    ]);
  });

  it("answers undefined for a trace Tempo does not know, and Tempo's own message for a bad query", async () => {
    expect(await source().getTrace('0123456789abcdef0123456789abcdef')).toBeUndefined();
    const failure = source().search({ service_name: 'bad"', tags: {}, limit: 20 } as never);
    await expect(failure).rejects.toThrow(UpstreamError);
    await expect(source().search({ service_name: 'bad', tags: {}, limit: 20 } as never)).rejects.toThrow(
      /tempo answered 400: invalid TraceQL query/,
    );
  });
});

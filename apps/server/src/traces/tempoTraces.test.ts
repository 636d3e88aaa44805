import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

describe('the traces API over Tempo (tempo.url set)', () => {
  const queries: URLSearchParams[] = [];
  let tempo: Server;
  let t: TestApi;
  let clusterId: string;
  beforeAll(async () => {
    tempo = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://tempo');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/api/search') {
        queries.push(url.searchParams);
        return res.end(
          JSON.stringify({
            traces: [
              {
                traceID: TRACE,
                rootServiceName: 'shop',
                rootTraceName: 'POST /pay',
                startTimeUnixNano: '1772359200000000000',
                durationMs: 1300,
                serviceStats: { shop: { spanCount: 4, errorCount: 1 } },
              },
            ],
          }),
        );
      }
      if (url.pathname === `/api/traces/${TRACE}`) {
        return res.end(
          JSON.stringify({
            batches: [
              {
                resource: { attributes: [{ key: 'service.name', value: { stringValue: 'shop' } }] },
                scopeSpans: [
                  {
                    spans: [
                      {
                        traceId: b64(TRACE),
                        spanId: b64('00f067aa0ba902b7'),
                        name: 'POST /pay',
                        kind: 'SPAN_KIND_SERVER',
                        startTimeUnixNano: '1772359200000000000',
                        endTimeUnixNano: '1772359201300000000',
                        status: { code: 'STATUS_CODE_ERROR' },
                      },
                    ],
                  },
                ],
              },
            ],
          }),
        );
      }
      res.statusCode = 404;
      res.end('trace not found');
    });
    await new Promise<void>((resolve) => tempo.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(tempo.address() as { port: number }).port}`;
    t = await startTestApi({ config: { tempo: { url, tenant: 'ops' } } });
    clusterId = (await t.store.clusters.create({ name: 'shop-prod', api_server_url: 'https://10.0.0.2' })).id;
    await t.rest('POST', `/users/${t.users.operator.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => tempo?.close(resolve));
  });

  it('searches Tempo with TraceQL, one named cluster as its k8s.cluster.name, and reads a trace', async () => {
    const answer = await t.rest(
      'GET',
      `/traces?service_name=shop&tag=error=true&min_duration_ms=1000&cluster_ids=${clusterId}`,
      t.users.admin.token,
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      source: 'tempo',
      traces: [{ trace_id: TRACE, root_service: 'shop', duration_ms: 1300, span_count: 4, has_errors: true }],
    });
    expect(queries.at(-1)?.get('q')).toBe(
      '{ resource.service.name = "shop" && status = error && .k8s.cluster.name = "shop-prod" }',
    );
    expect(queries.at(-1)?.get('minDuration')).toBe('1000ms');
    const trace = await t.rest('GET', `/traces/${TRACE}`, t.users.admin.token);
    expect(trace.json()).toMatchObject({
      trace_id: TRACE,
      has_errors: true,
      spans: [{ span_id: '00f067aa0ba902b7', status: 'ERROR' }],
    });
    expect((await t.rest('GET', `/traces/${'1'.repeat(32)}`, t.users.admin.token)).statusCode).toBe(404);
  });

  it('refuses callers limited to some clusters, since Tempo does not separate them', async () => {
    const answer = await t.rest('GET', '/traces', t.users.operator.token);
    expect(answer.statusCode).toBe(403);
    expect(answer.json().message).toMatch(/Tempo, which does not separate clusters/);
  });
});

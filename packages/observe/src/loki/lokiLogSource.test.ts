import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLokiClient } from './lokiClient.js';
import { createLokiLogSource } from './lokiLogSource.js';

/** A loopback server answering as Loki's HTTP API documents, recording the requests it got. */
function fakeLoki(requests: { url: URL; headers: IncomingMessage['headers'] }[]): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loki');
    requests.push({ url, headers: req.headers });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/loki/api/v1/labels')
      return send(200, { status: 'success', data: ['app', 'cluster', 'namespace'] });
    if (url.pathname === '/loki/api/v1/label/app/values')
      return send(200, { status: 'success', data: ['backend', 'frontend'] });
    if (url.pathname !== '/loki/api/v1/query_range') return send(404, '404 page not found');
    const query = url.searchParams.get('query') ?? '';
    if (query.startsWith('{bad')) return send(400, 'parse error at line 1, col 2: syntax error: unexpected IDENTIFIER');
    if (query.startsWith('rate(')) {
      return send(200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { app: 'backend' },
              values: [
                [1772359200, '0.5'],
                [1772359260, '1.25'],
              ],
            },
          ],
          stats: {},
        },
      });
    }
    return send(200, {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [
          {
            stream: { cluster: 'prod', namespace: 'todo', app: 'backend', pod: 'backend-1' },
            values: [
              ['1772359200000000000', 'ERROR 500 upstream timeout'],
              ['1772359201500000000', 'ERROR 500 again'],
            ],
          },
          {
            stream: { cluster: 'staging', namespace: 'todo', app: 'backend', pod: 'backend-2' },
            values: [['1772359202000000000', 'ERROR 500 staging']],
          },
        ],
        stats: { summary: { bytesProcessedPerSecond: 1 } },
      },
    });
  });
}

describe("the Loki adapter, against a server speaking Loki's documented format", () => {
  const requests: { url: URL; headers: IncomingMessage['headers'] }[] = [];
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = fakeLoki(requests);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  const prod = '11111111-1111-4111-8111-111111111111';
  const source = () =>
    createLokiLogSource({
      client: createLokiClient({ url, bearerToken: 'secret', tenant: 'team-a' }),
      clusterNames: async () => [{ id: prod, name: 'prod' }],
      now: () => new Date('2026-03-01T10:00:00Z'),
    });

  it('sends query_range with nanosecond bounds, limit, direction, token and tenant; reads streams', async () => {
    const answer = await source().search({
      query: '{namespace="todo"} |= "ERROR"',
      cluster_ids: [],
      limit: 100,
      direction: 'BACKWARD',
      start_time: '2026-03-01T09:00:00.000Z',
    });
    const sent = requests.at(-1);
    expect(sent?.url.searchParams.get('start')).toBe('1772355600000000000');
    expect(sent?.url.searchParams.get('end')).toBe('1772359200000000000');
    expect(sent?.url.searchParams.get('limit')).toBe('100');
    expect(sent?.url.searchParams.get('direction')).toBe('backward');
    expect(sent?.headers.authorization).toBe('Bearer secret');
    expect(sent?.headers['x-scope-orgid']).toBe('team-a');
    expect(answer.entries.map((e) => [e.cluster_name, e.timestamp, e.message])).toEqual([
      ['staging', '2026-03-01T10:00:02.000Z', 'ERROR 500 staging'],
      ['prod', '2026-03-01T10:00:01.500Z', 'ERROR 500 again'],
      ['prod', '2026-03-01T10:00:00.000Z', 'ERROR 500 upstream timeout'],
    ]);
    expect(answer).toMatchObject({ source: 'loki', truncated: false, status: 'SUCCESS' });
  });

  it('keeps the streams of the clusters asked for, and says when the limit was reached', async () => {
    const answer = await source().search({
      query: '{app="backend"}',
      cluster_ids: [prod],
      limit: 2,
      direction: 'FORWARD',
    });
    expect(answer.entries.map((e) => [e.cluster_id, e.message])).toEqual([
      [prod, 'ERROR 500 upstream timeout'],
      [prod, 'ERROR 500 again'],
    ]);
    expect(answer.truncated).toBe(true);
    expect(answer.notes[0]).toContain('limit of 2 lines');
  });

  it('reads a metric query as series', async () => {
    const answer = await source().search({
      query: 'rate({app="backend"}[1m])',
      cluster_ids: [],
      limit: 10,
      direction: 'BACKWARD',
    });
    expect(answer.entries).toEqual([]);
    expect(answer.series).toEqual([
      {
        labels: { app: 'backend' },
        points: [
          ['2026-03-01T10:00:00.000Z', 0.5],
          ['2026-03-01T10:01:00.000Z', 1.25],
        ],
      },
    ]);
  });

  it('lists label names and values', async () => {
    const client = createLokiClient({ url });
    expect(await client.labels()).toEqual(['app', 'cluster', 'namespace']);
    expect(await client.labelValues('app')).toEqual(['backend', 'frontend']);
  });

  it("passes Loki's own parse error on, typed", async () => {
    const failing = source().search({ query: '{bad', cluster_ids: [], limit: 10, direction: 'BACKWARD' });
    await expect(failing).rejects.toMatchObject({ code: 'UPSTREAM', status: 400, source: 'loki' });
    await expect(failing).rejects.toThrow(/parse error at line 1, col 2/);
  });
});

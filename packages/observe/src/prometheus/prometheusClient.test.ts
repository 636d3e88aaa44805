import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fanOut } from '../metrics/fanOut.js';
import { createPrometheusClient } from './prometheusClient.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A loopback server answering like Prometheus; `delayMs` holds the answer back. */
async function fakePrometheus(onRequest: (req: IncomingMessage) => void = () => {}, delayMs = 0): Promise<string> {
  const server = createServer((req, res) => {
    onRequest(req);
    req.resume();
    const timer = setTimeout(
      () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })),
      delayMs,
    );
    res.on('close', () => clearTimeout(timer));
  });
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Prometheus client', () => {
  it('sends bearer and basic credentials', async () => {
    const seen: (string | undefined)[] = [];
    const url = await fakePrometheus((req) => seen.push(req.headers.authorization));
    await createPrometheusClient({ url, auth: { type: 'bearer', token: 't0k' } }).query('up');
    await createPrometheusClient({ url, auth: { type: 'basic', username: 'ops', password: 'pw' } }).query('up');
    await createPrometheusClient({ url }).query('up');
    expect(seen).toEqual(['Bearer t0k', `Basic ${Buffer.from('ops:pw').toString('base64')}`, undefined]);
  });

  it('turns a deadline into a retryable TIMEOUT UpstreamError, and a TIMEOUT result in a fan-out', async () => {
    const url = await fakePrometheus(() => {}, 5_000);
    const error = await createPrometheusClient({ url, timeoutMs: 100 })
      .query('up')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).details?.reason).toBe('TIMEOUT');
    expect((error as UpstreamError).retryable).toBe(true);
    const client = createPrometheusClient({ url, timeoutMs: 10_000 });
    const answer = await fanOut(
      [{ id: 'a', name: 'slow' }],
      async (_c, signal) => {
        await client.query('up', undefined, signal);
        return { resultType: 'VECTOR', series: [], warnings: [] };
      },
      { timeoutMs: 100 },
    );
    expect(answer).toMatchObject({ status: 'ERROR', results: [{ cluster_name: 'slow', status: 'TIMEOUT' }] });
    expect(answer.results[0]?.error).toBe('slow: no answer within 0.1s');
  });

  it('marks a cluster PARTIAL when its series are over the limit', async () => {
    const series = Array.from({ length: 5 }, (_, i) => ({
      metric: { i: String(i) },
      values: [[1, '1']] as [number, string][],
    }));
    const answer = await fanOut(
      [
        { id: 'a', name: 'big' },
        { id: 'b', name: 'small' },
      ],
      async (c) => ({ resultType: 'VECTOR', series: c.name === 'big' ? series : series.slice(0, 1), warnings: [] }),
      { timeoutMs: 1_000, limits: { maxRangeSeconds: 1, minStepSeconds: 1, maxPointsPerSeries: 10, maxSeries: 2 } },
    );
    expect(answer.status).toBe('PARTIAL');
    expect(answer.results[0]).toMatchObject({ status: 'PARTIAL', error: expect.stringMatching(/^kept 2 of 5 series/) });
    expect(answer.results[0]?.data).toHaveLength(2);
    expect(answer.results[1]?.status).toBe('SUCCESS');
  });
});

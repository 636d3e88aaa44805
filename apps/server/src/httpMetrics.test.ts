import { OpspilotConfig } from '@opspilot/config';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from './buildServer.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
});

describe('/metrics', () => {
  it('exposes default metrics and counts requests by route pattern, method and status', async () => {
    app = buildServer({
      config: OpspilotConfig.parse({}),
      store: { ping: async () => 1 },
      logger: pino({ level: 'silent' }),
    });
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/does/not/exist' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('http_requests_total{route="/healthz",method="GET",status="200"} 2');
    expect(text).toContain('http_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="\+Inf",route="\/healthz",method="GET",status="200"\} 2/,
    );
    expect(text).toContain('http_request_duration_seconds_count{route="/healthz",method="GET",status="200"} 2');
  });
});

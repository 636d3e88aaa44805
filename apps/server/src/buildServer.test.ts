import { Writable } from 'node:stream';
import { OpspilotConfig } from '@opspilot/config';
import { InputError } from '@opspilot/core';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from './buildServer.js';
import { ErrorResponse } from './errorResponse.js';
import type { StoreHealth } from './healthRoutes.js';

const config = OpspilotConfig.parse({});
const answering: StoreHealth = { ping: async () => 1 };
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function serve(store: StoreHealth = answering, lines: string[] = []): FastifyInstance {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  app = buildServer({ config, store, logger: pino({ level: 'info' }, sink) });
  return app;
}

describe('buildServer health', () => {
  it('answers /healthz with 200 {status: ok}', async () => {
    const res = await serve().inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 while the store answers and 503 with the reason when it fails', async () => {
    expect((await serve().inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    await app?.close();
    const failing = serve({ ping: async () => Promise.reject(new Error('connection refused')) });
    const res = await failing.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', reason: 'store: connection refused' });
  });
});

describe('buildServer request ids and logs', () => {
  it('echoes a safe incoming x-request-id and logs it as request_id in JSON', async () => {
    const lines: string[] = [];
    const res = await serve(answering, lines).inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const logged = lines.map((l) => JSON.parse(l) as { request_id?: string; msg: string });
    expect(logged.filter((l) => l.request_id === 'abc-123').map((l) => l.msg)).toEqual([
      'incoming request',
      'request completed',
    ]);
  });

  it('replaces a missing or unsafe request id with a UUID', async () => {
    const server = serve();
    const unsafe = await server.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b\u0000' } });
    const none = await server.inject({ method: 'GET', url: '/healthz' });
    for (const res of [unsafe, none]) expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
  });
});

describe('buildServer errors (seed 003 §8.3)', () => {
  it('answers unknown routes with 404 NOT_FOUND and the request id as trace_id', async () => {
    const res = await serve().inject({ method: 'GET', url: '/nope?x=1', headers: { 'x-request-id': 'trace-1' } });
    expect(res.statusCode).toBe(404);
    const body = ErrorResponse.parse(res.json());
    expect(body).toMatchObject({ error_code: 'NOT_FOUND', message: 'no route GET /nope', trace_id: 'trace-1' });
    expect(Date.parse(body.timestamp)).not.toBeNaN();
  });

  it('maps a typed error to its status, keeping message, details and hint', async () => {
    const server = serve();
    server.get('/typed', async () => {
      throw new InputError('replicas must be >= 0', { hint: 'Pass a non-negative number.', details: { field: 'x' } });
    });
    const res = await server.inject({ method: 'GET', url: '/typed' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error_code: 'INPUT',
      message: 'replicas must be >= 0',
      details: { field: 'x', hint: 'Pass a non-negative number.' },
    });
  });

  it('hides the message of an unexpected error behind a 500 and logs it', async () => {
    const lines: string[] = [];
    const server = serve(answering, lines);
    server.get('/bug', async () => {
      throw new Error('secret internals');
    });
    const res = await server.inject({ method: 'GET', url: '/bug' });
    expect(res.statusCode).toBe(500);
    const body = ErrorResponse.parse(res.json());
    expect(body).toMatchObject({ error_code: 'INTERNAL', message: 'internal error' });
    expect(lines.some((l) => l.includes('secret internals') && l.includes(body.trace_id))).toBe(true);
  });

  it("keeps Fastify's own client errors (malformed JSON) as 400 INPUT", async () => {
    const server = serve();
    server.post('/echo', async (request) => request.body);
    const res = await server.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorResponse.parse(res.json()).error_code).toBe('INPUT');
  });
});

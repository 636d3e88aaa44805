import { describe, expect, it } from 'vitest';
import { Span, Trace } from './trace.js';

const span = {
  span_id: 'b7ad6b7169203331',
  operation_name: 'GET /orders',
  service_name: 'order-api',
  start_time: '2026-01-01T00:00:00Z',
  duration_ms: 12,
};
const trace = {
  trace_id: 'abc123def456',
  start_time: '2026-01-01T00:00:00Z',
  duration_ms: 40,
  span_count: 1,
  service_count: 1,
  has_errors: false,
};

describe('Span', () => {
  it('defaults to UNSET status with no tags or logs', () => {
    expect(Span.parse(span)).toMatchObject({ status: 'UNSET', tags: {}, logs: [] });
  });

  it('accepts span logs and refuses a log without a valid timestamp', () => {
    const logs = [{ timestamp: '2026-01-01T00:00:00.005Z', message: 'cache miss' }];
    expect(Span.safeParse({ ...span, logs }).success).toBe(true);
    expect(Span.safeParse({ ...span, logs: [{ timestamp: 'yesterday', message: 'x' }] }).success).toBe(false);
  });

  it('refuses an unknown status, a negative duration and an empty span id', () => {
    expect(Span.safeParse({ ...span, status: 'FAILED' }).success).toBe(false);
    expect(Span.safeParse({ ...span, duration_ms: -1 }).success).toBe(false);
    expect(Span.safeParse({ ...span, span_id: '' }).success).toBe(false);
  });
});

describe('Trace', () => {
  it('accepts a search summary without spans and a full trace with them', () => {
    expect(Trace.parse(trace).spans).toEqual([]);
    expect(Trace.parse({ ...trace, spans: [span] }).spans[0]?.status).toBe('UNSET');
  });

  it('refuses a trace without an id, with a bad cluster id or with a bad span', () => {
    expect(Trace.safeParse({ ...trace, trace_id: '' }).success).toBe(false);
    expect(Trace.safeParse({ ...trace, cluster_id: 'prod-east-1' }).success).toBe(false);
    expect(Trace.safeParse({ ...trace, spans: [{ ...span, duration_ms: 1.5 }] }).success).toBe(false);
  });
});

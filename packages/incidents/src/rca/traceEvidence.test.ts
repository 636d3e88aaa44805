import type { SpanRecord } from '@opspilot/core';
import { openTestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankCauses } from './rankCauses.js';
import type { RcaInput } from './rcaInput.js';
import { describeSpan, spanEvidence } from './traceEvidence.js';

const CLUSTER = '3b0c5a9e-7d1f-4e2a-9c8b-6a5d4e3f2a1b';
const T0 = Date.parse('2026-12-06T10:00:00Z');
let t: Awaited<ReturnType<typeof openTestStore>>;

const span = (trace: number, id: number, service: string, ms: number, error = false, at = T0): SpanRecord => ({
  trace_id: trace.toString(16).padStart(32, '0'),
  span_id: id.toString(16).padStart(16, '0'),
  service_name: service,
  operation_name: `GET /api/${service}`,
  kind: 'SERVER',
  start_unix_us: at * 1000,
  duration_us: ms * 1000,
  status: error ? 'ERROR' : 'OK',
  tags: error ? { error: 'true', 'http.response.status_code': '500' } : {},
  logs: [],
  cluster_id: CLUSTER,
  cluster_name: 'demo',
});

beforeAll(async () => {
  t = await openTestStore('sqlite');
  await t.store.spans.insert([
    span(1, 1, 'backend', 40),
    span(2, 2, 'backend', 1800),
    span(3, 3, 'backend', 90, true),
    span(4, 4, 'frontend', 3000),
    span(5, 5, 'backend', 5000, false, T0 - 3 * 3600_000), // before the window
  ]);
});
afterAll(() => t?.cleanup());

describe('spanEvidence', () => {
  it('takes the failing spans first, then the slowest, of the named services in the window', async () => {
    const found = await spanEvidence(
      t.store.spans,
      CLUSTER,
      ['backend'],
      new Date(T0 - 600_000).toISOString(),
      new Date(T0 + 600_000).toISOString(),
    );
    expect(found.map((s) => [s.span_id.slice(-1), s.status, s.duration_ms])).toEqual([
      ['3', 'ERROR', 90],
      ['2', 'OK', 1800],
      ['1', 'OK', 40],
    ]);
    expect(describeSpan(found[0]!)).toMatch(/^GET \/api\/backend of backend took 90 ms, failed: HTTP 500 \(trace 0+3/);
  });

  it('is empty without a trace source or services', async () => {
    expect(await spanEvidence(undefined, CLUSTER, ['backend'], '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual(
      [],
    );
    expect(await spanEvidence(t.store.spans, CLUSTER, [], '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([]);
  });
});

describe('rankCauses with trace evidence', () => {
  const backend = { kind: 'Deployment', namespace: 'todo', name: 'backend' };
  const base: RcaInput = {
    incidentId: 'i',
    firstSignalAt: new Date(T0).toISOString(),
    analyzedAt: new Date(T0 + 60_000).toISOString(),
    signals: [],
    changes: [
      {
        kind: 'image',
        subject: backend,
        at: new Date(T0 - 120_000).toISOString(),
        summary: 'image 1.0 → 2.0',
        source: 'cluster',
      },
    ],
    findings: [],
    logs: [],
    saturation: [],
    workloads: [backend],
    nodes: [],
  };

  it('puts failing spans behind a rollout, raising its confidence', async () => {
    const spans = await spanEvidence(
      t.store.spans,
      CLUSTER,
      ['backend'],
      new Date(T0 - 600_000).toISOString(),
      new Date(T0 + 600_000).toISOString(),
    );
    const without = rankCauses(base)[0]!;
    const withSpans = rankCauses({ ...base, spans })[0]!;
    expect(withSpans.kind).toBe('bad-rollout');
    expect(withSpans.confidence).toBeGreaterThan(without.confidence);
    const traces = withSpans.evidence.filter((e) => e.kind === 'trace');
    expect(traces).toHaveLength(1);
    expect(traces[0]?.detail).toContain('failed: HTTP 500');
  });
});

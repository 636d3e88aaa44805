import { createServer, type Server } from 'node:http';
import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Anomaly } from '../behaviour/anomaly.js';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { advanceClock } from '../testing/index.js';
import { entryServices, serviceGraph } from './serviceGraph.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string } }[];
  status: { code: number; message?: string };
}
interface Export {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}
type Flat = OtlpSpan & { service: string; attrs: Record<string, string> };

const flatten = (body: Export): Flat[] =>
  body.resourceSpans.flatMap((rs) => {
    const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
    return rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((s) => ({
        ...s,
        service,
        attrs: Object.fromEntries(s.attributes.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? ''])),
      })),
    );
  });
const ms = (s: OtlpSpan) => Number(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)) / 1e6;
const byTrace = (spans: Flat[]) => {
  const out = new Map<string, Flat[]>();
  for (const s of spans) out.set(s.traceId, [...(out.get(s.traceId) ?? []), s]);
  return out;
};

describe('the simulated applications emit OTLP traces', () => {
  const received: { headers: Record<string, unknown>; body: Export }[] = [];
  let receiver: Server;
  let sim: SimCluster;
  let clock: ManualClock;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(text) as Export });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/v1/traces`;
    clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    sim = await startSimCluster({
      clock,
      tls: false,
      scenario: 'demo',
      traces: {
        endpoint,
        headers: { authorization: 'Bearer t0ken' },
        intervalMs: 5_000,
        tracesPerInterval: 4,
        clusterName: 'demo',
      },
    });
    for (let i = 0; i < 60 && entryServices(serviceGraph(sim.store, sim.api.registry)).length === 0; i++) {
      await advanceClock(clock, 1_000);
    }
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('reads the request graph of the demo from the cluster: frontend → backend → postgresql', () => {
    const graph = serviceGraph(sim.store, sim.api.registry);
    const todo = Object.fromEntries(graph.filter((s) => s.namespace === 'todo').map((s) => [s.name, s]));
    expect(todo.frontend?.calls).toEqual(['backend']);
    expect(todo.backend?.calls).toEqual([]);
    expect(todo.backend?.databases).toEqual([{ system: 'postgresql', host: 'db.example.com', name: 'todo' }]);
    expect(entryServices(graph).map((s) => s.name)).toEqual(['frontend']);
  });

  it('sends, on the cluster clock, traces through all three services with parent links and http attributes', async () => {
    const before = received.length;
    await advanceClock(clock, 5_000);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(before);
    const sent = received.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer t0ken');
    expect(sent.body.resourceSpans[0]?.resource.attributes).toContainEqual({
      key: 'k8s.cluster.name',
      value: { stringValue: 'demo' },
    });
    const traces = byTrace(flatten(sent.body));
    expect(traces.size).toBeGreaterThanOrEqual(4);
    for (const spans of traces.values()) {
      expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['frontend', 'backend', 'postgresql']));
      const ids = new Set(spans.map((s) => s.spanId));
      const roots = spans.filter((s) => !s.parentSpanId);
      expect(roots).toHaveLength(1);
      expect(spans.filter((s) => s.parentSpanId).every((s) => ids.has(s.parentSpanId as string))).toBe(true);
      expect(roots[0]).toMatchObject({ service: 'frontend', kind: 2, status: { code: 0 } });
      expect(roots[0]?.attrs['http.response.status_code']).toBe('200');
      const backend = spans.find((s) => s.service === 'backend' && s.kind === 2);
      expect(backend?.name).toBe('GET /api/todos');
      expect(spans.find((s) => s.spanId === backend?.parentSpanId)).toMatchObject({ service: 'frontend', kind: 3 });
      expect(spans.find((s) => s.service === 'postgresql')?.attrs['db.system']).toBe('postgresql');
      expect(spans.every((s) => /^[0-9a-f]{32}$/.test(s.traceId) && /^[0-9a-f]{16}$/.test(s.spanId))).toBe(true);
    }
  });

  it('is slower and failing during a scheduled anomaly, as the metrics are', async () => {
    const healthy = flatten((await tickAndRead()).body);
    const backendMs = (spans: Flat[]) =>
      Math.max(...spans.filter((s) => s.service === 'backend' && s.kind === 2).map(ms));
    sim.anomalies.add(
      Anomaly.parse({
        apiVersion: 'sim.opspilot.dev/v1',
        kind: 'Anomaly',
        metadata: { name: 'slow' },
        spec: { type: 'cpu-spike', namespace: 'todo', selector: { app: 'backend' }, duration: '1m', magnitude: 10 },
      }),
      new Date(clock.now().getTime() - 10_000),
    );
    const slow = flatten((await tickAndRead()).body);
    expect(backendMs(slow)).toBeGreaterThan(5 * backendMs(healthy));
    sim.anomalies.add(
      Anomaly.parse({
        apiVersion: 'sim.opspilot.dev/v1',
        kind: 'Anomaly',
        metadata: { name: 'burst' },
        spec: { type: 'error-burst', namespace: 'todo', selector: { app: 'backend' }, duration: '1m', magnitude: 1 },
      }),
      new Date(clock.now().getTime() - 10_000),
    );
    const failing = byTrace(flatten((await tickAndRead()).body));
    for (const spans of failing.values()) {
      const root = spans.find((s) => !s.parentSpanId);
      expect(root).toMatchObject({ service: 'frontend', status: { code: 2 } });
      expect(spans.find((s) => s.service === 'backend' && s.kind === 2)).toMatchObject({
        status: { code: 2, message: 'HTTP 500' },
      });
      expect(spans.some((s) => s.service === 'postgresql')).toBe(false);
    }
    await clock.advance(120_000);
    const recovered = byTrace(flatten((await tickAndRead()).body));
    expect([...recovered.values()].every((spans) => spans.every((s) => s.status.code === 0))).toBe(true);
  });

  async function tickAndRead() {
    // The emitter's own loop may be sending an export of the same moment: tick once it is done.
    let result: Awaited<ReturnType<NonNullable<SimCluster['traces']>['tick']>> = { spans: 0, skipped: true };
    let before = received.length;
    await expect
      .poll(async () => {
        before = received.length;
        result = await sim.traces!.tick(clock.now());
        return result.skipped ?? false;
      })
      .toBe(false);
    expect(result.status).toBe(200);
    expect(received.length).toBe(before + 1);
    return received.at(-1)!;
  }
});

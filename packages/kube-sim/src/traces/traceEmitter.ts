import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { AnomalySchedule } from '../behaviour/anomalySchedule.js';
import type { ObjectStore } from '../store/objectStore.js';
import { entryServices, type GraphService, serviceGraph } from './serviceGraph.js';
import { type SimSpan, simulateRequest } from './simulateRequest.js';

/** Where and how often the simulated applications send their traces. */
export interface TraceEmitterOptions {
  /** The OTLP/HTTP traces URL, e.g. `http://127.0.0.1:8080/v1/traces`. */
  endpoint: string;
  /** Extra headers, e.g. `{ authorization: 'Bearer ops_…' }`. */
  headers?: Record<string, string>;
  /** How often, on the cluster's clock, an export is sent (default 5 s). */
  intervalMs?: number;
  /** Requests traced per entry service and interval (default 5; the emitter samples, it does not trace every request). */
  tracesPerInterval?: number;
  /** The `k8s.cluster.name` resource attribute (default `kube-sim`). */
  clusterName?: string;
}

/** The simulated applications' trace exporter. */
export interface TraceEmitter {
  /**
   * Traces the requests of the interval ending at `at` and sends them; resolves once the endpoint answered. Skipped
   * (nothing traced) while the previous export is still in flight.
   */
  tick(at: Date): Promise<{ spans: number; status?: number; error?: string; skipped?: boolean }>;
  /** Exports sent and failed so far. */
  readonly stats: { sent: number; failed: number; spans: number; lastError?: string };
  stop(): void;
}

/** A small seeded generator (mulberry32), so a tick at the same moment traces the same requests. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nanos = (ms: number) => `${BigInt(Math.round(ms * 1000)) * 1000n}`;
const attribute = ([key, value]: [string, string | number]) => ({
  key,
  value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value },
});

/** The spans as an OTLP/JSON `ExportTraceServiceRequest`, one resource per emitting service and pod. */
export function toOtlpJson(spans: SimSpan[], clusterName: string): unknown {
  const byResource = new Map<string, SimSpan[]>();
  for (const span of spans) {
    const key = `${span.namespace}/${span.service}/${span.pod ?? ''}`;
    byResource.set(key, [...(byResource.get(key) ?? []), span]);
  }
  return {
    resourceSpans: [...byResource.values()].map((group) => {
      const first = group[0] as SimSpan;
      const resource: Record<string, string> = {
        'service.name': first.service,
        'service.namespace': first.namespace,
        'k8s.cluster.name': clusterName,
        'k8s.namespace.name': first.namespace,
        ...(first.pod ? { 'k8s.pod.name': first.pod } : {}),
      };
      return {
        resource: { attributes: Object.entries(resource).map(attribute) },
        scopeSpans: [
          {
            scope: { name: 'opspilot.kube-sim' },
            spans: group.map((s) => ({
              traceId: s.traceId,
              spanId: s.spanId,
              ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
              name: s.name,
              kind: s.kind === 'SERVER' ? 2 : 3,
              startTimeUnixNano: nanos(s.startMs),
              endTimeUnixNano: nanos(s.endMs),
              attributes: Object.entries(s.attributes).map(attribute),
              status: s.error ? { code: 2, message: s.error } : { code: 0 },
            })),
          },
        ],
      };
    }),
  };
}

/**
 * The traces the simulated applications would send: every interval of the cluster's clock, for each entry service of
 * the request graph ({@link serviceGraph}: e.g. frontend → backend → database in the demo), a bounded sample of
 * requests spread over the interval is simulated ({@link simulateRequest}: slower under a CPU spike, failing in an
 * error burst) and sent as one OTLP/JSON export. A failed export is counted and dropped (the next interval sends
 * fresh spans; nothing queues up). `start` runs it on the clock until `stop`.
 */
export function createTraceEmitter(
  sim: { store: ObjectStore; registry: ResourceRegistry; anomalies: AnomalySchedule; clock: Clock },
  options: TraceEmitterOptions,
): TraceEmitter & { start(): void } {
  const intervalMs = options.intervalMs ?? 5_000;
  const perInterval = Math.max(1, Math.min(options.tracesPerInterval ?? 5, 100));
  const clusterName = options.clusterName ?? 'kube-sim';
  const stats: TraceEmitter['stats'] = { sent: 0, failed: 0, spans: 0 };
  const stopper = new AbortController();
  let sending = false;

  const simulate = (at: Date): SimSpan[] => {
    const random = seeded(Math.floor(at.getTime() / 1000));
    const hex = (bytes: number) => {
      let out = '';
      for (let i = 0; i < bytes; i++)
        out += Math.floor(random() * 256)
          .toString(16)
          .padStart(2, '0');
      return /^0+$/.test(out) ? `${out.slice(0, -1)}1` : out;
    };
    const graph = serviceGraph(sim.store, sim.registry);
    const services = new Map<string, GraphService>(graph.map((s) => [`${s.namespace}/${s.name}`, s]));
    const spans: SimSpan[] = [];
    const ctx = { services, anomalies: sim.anomalies, random, id: hex, spans };
    for (const entry of entryServices(graph)) {
      for (let i = 0; i < perInterval; i++) {
        const start = at.getTime() - intervalMs + ((i + random()) * intervalMs) / perInterval;
        simulateRequest(ctx, entry, hex(16), undefined, start);
      }
    }
    return spans;
  };

  const tick: TraceEmitter['tick'] = async (at) => {
    if (sending) return { spans: 0, skipped: true };
    const spans = simulate(at);
    if (spans.length === 0) return { spans: 0 };
    sending = true;
    try {
      const response = await fetch(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify(toOtlpJson(spans, clusterName)),
        signal: AbortSignal.any([stopper.signal, AbortSignal.timeout(10_000)]),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${options.endpoint} answered ${response.status}`);
      stats.sent++;
      stats.spans += spans.length;
      return { spans: spans.length, status: response.status };
    } catch (error) {
      stats.failed++;
      stats.lastError = (error as Error).message;
      return { spans: 0, error: stats.lastError };
    } finally {
      sending = false;
    }
  };

  return {
    tick,
    stats,
    start() {
      void (async () => {
        while (!stopper.signal.aborted) {
          try {
            await sim.clock.sleep(intervalMs, stopper.signal);
          } catch {
            return;
          }
          await tick(sim.clock.now());
        }
      })();
    },
    stop: () => stopper.abort(),
  };
}

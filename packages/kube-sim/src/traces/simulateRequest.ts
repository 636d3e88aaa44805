import type { AnomalySchedule } from '../behaviour/anomalySchedule.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { GraphService } from './serviceGraph.js';

/** A span as the emitter builds it, before it is written as OTLP/JSON. */
export interface SimSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: 'SERVER' | 'CLIENT';
  startMs: number;
  endMs: number;
  error?: string;
  attributes: Record<string, string | number>;
  /** Who emits it: the service (and pod) or, for a database, its system. */
  service: string;
  namespace: string;
  pod?: string;
}

/** A caller gives up after this long and answers 504. */
export const CALL_TIMEOUT_MS = 1_000;
/** Time a request spends on the wire each way. */
const NETWORK_MS = 1;

/** What a simulated request needs: the graph, the anomalies, a random source and the next ids. */
export interface RequestContext {
  services: Map<string, GraphService>;
  anomalies: AnomalySchedule;
  random: () => number;
  id: (bytes: number) => string;
  spans: SimSpan[];
}

/** How a pod behaves at a moment: slowed by CPU spikes (by their magnitude), failing at the error-burst ratio. */
function podState(anomalies: AnomalySchedule, pod: KubeObject, at: Date) {
  const active = anomalies.activeFor(pod, at);
  const slowdown = active.filter((a) => a.type === 'cpu-spike').reduce((m, a) => Math.max(m, a.magnitude), 1);
  const errorRatio = Math.min(
    1,
    active.filter((a) => a.type === 'error-burst').reduce((s, a) => s + a.magnitude, 0),
  );
  return { slowdown, errorRatio };
}

/**
 * Simulates one request to `service` starting at `startMs`: a SERVER span on one of its pods, then, one after the
 * other, a CLIENT span per Service it calls (with the callee's whole request inside) and per database it uses (with
 * the database's own span), then the rest of its own work. A pod under a CPU spike is that many times slower; under
 * an error burst a request fails with 500 at its ratio; a call longer than {@link CALL_TIMEOUT_MS} is abandoned with
 * 504; a failed call fails the caller. Returns the span's end and HTTP status.
 */
export function simulateRequest(
  ctx: RequestContext,
  service: GraphService,
  traceId: string,
  parentSpanId: string | undefined,
  startMs: number,
  depth = 0,
): { endMs: number; status: number } {
  const pod = service.pods[Math.floor(ctx.random() * service.pods.length)] as KubeObject;
  const state = podState(ctx.anomalies, pod, new Date(startMs));
  const spanId = ctx.id(8);
  const work = (ms: number) => ms * state.slowdown * (0.6 + ctx.random() * 0.8);
  let t = startMs + work(3);
  let status = ctx.random() < state.errorRatio ? 500 : 200;
  const common = { traceId, namespace: service.namespace, service: service.name, pod: pod.metadata.name };
  if (status === 200 && depth < 8) {
    for (const callee of service.calls) {
      const target = ctx.services.get(`${service.namespace}/${callee}`);
      if (!target) continue;
      const clientId = ctx.id(8);
      const sent = t;
      const answer = simulateRequest(ctx, target, traceId, clientId, sent + NETWORK_MS, depth + 1);
      const timedOut = answer.endMs + NETWORK_MS - sent > CALL_TIMEOUT_MS;
      const callStatus = timedOut ? 504 : answer.status;
      t = timedOut ? sent + CALL_TIMEOUT_MS : answer.endMs + NETWORK_MS;
      ctx.spans.push({
        ...common,
        spanId: clientId,
        parentSpanId: spanId,
        name: 'GET',
        kind: 'CLIENT',
        startMs: sent,
        endMs: t,
        ...(callStatus >= 500 ? { error: timedOut ? 'deadline exceeded' : `HTTP ${callStatus}` } : {}),
        attributes: {
          'http.request.method': 'GET',
          'url.full': `http://${callee}.${service.namespace}.svc.cluster.local${target.path}`,
          'server.address': `${callee}.${service.namespace}.svc.cluster.local`,
          ...(timedOut ? {} : { 'http.response.status_code': answer.status }),
        },
      });
      if (callStatus >= 500) {
        status = timedOut ? 504 : 500;
        break;
      }
    }
  }
  if (status === 200) {
    for (const db of service.databases) {
      const clientId = ctx.id(8);
      const sent = t;
      const took = work(4);
      const statement = `SELECT ${db.name}`;
      t = sent + took + 2 * NETWORK_MS;
      ctx.spans.push({
        ...common,
        spanId: clientId,
        parentSpanId: spanId,
        name: statement,
        kind: 'CLIENT',
        startMs: sent,
        endMs: t,
        attributes: { 'db.system': db.system, 'db.namespace': db.name, 'server.address': db.host },
      });
      ctx.spans.push({
        traceId,
        namespace: service.namespace,
        service: db.system,
        spanId: ctx.id(8),
        parentSpanId: clientId,
        name: statement,
        kind: 'SERVER',
        startMs: sent + NETWORK_MS,
        endMs: t - NETWORK_MS,
        attributes: { 'db.system': db.system, 'db.namespace': db.name, 'server.address': db.host },
      });
    }
  }
  const endMs = t + work(2);
  ctx.spans.push({
    ...common,
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    name: `GET ${service.path}`,
    kind: 'SERVER',
    startMs,
    endMs,
    ...(status >= 500 ? { error: `HTTP ${status}` } : {}),
    attributes: {
      'http.request.method': 'GET',
      'url.path': service.path,
      'http.route': service.path,
      'http.response.status_code': status,
    },
  });
  return { endMs, status };
}

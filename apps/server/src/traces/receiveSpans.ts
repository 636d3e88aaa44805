import type { Cluster, SpanRecord } from '@opspilot/core';
import { NotFoundError } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import { z } from 'zod';
import { canSeeCluster, type Principal } from '../auth/principal.js';

/** Traces of one export announced one by one with `TRACE_RECEIVED`; the rest are counted in the last event. */
export const MAX_TRACE_EVENTS = 100;

async function clusterByRef(store: Store, principal: Principal, ref: string): Promise<Cluster> {
  const byId = z.uuid().safeParse(ref).success ? await store.clusters.find(ref) : undefined;
  const cluster = byId ?? (await store.clusters.findByName(ref));
  if (!cluster || !canSeeCluster(principal, cluster.id)) {
    throw new NotFoundError(`cluster ${ref} not found`, {
      hint: 'register the cluster first, or fix ?cluster= / the k8s.cluster.name resource attribute of the exporter',
    });
  }
  return cluster;
}

/**
 * Attributes each span to a registered cluster: `?cluster=` when given, else the span's `k8s.cluster.name` resource
 * attribute. A named cluster the caller may not see, or (for a caller limited to some clusters) a span naming none,
 * refuses the whole export with `NotFoundError`.
 */
export async function attributeClusters(
  store: Store,
  principal: Principal,
  spans: SpanRecord[],
  clusterRef: string | undefined,
): Promise<SpanRecord[]> {
  const byRef = new Map<string, Cluster>();
  const out: SpanRecord[] = [];
  for (const span of spans) {
    const ref = clusterRef ?? span.cluster_name;
    if (ref === undefined) {
      if (principal.clusterIds !== 'all') {
        throw new NotFoundError('the spans name no cluster you have access to', {
          hint: 'add ?cluster=<name> to the exporter URL, or the k8s.cluster.name resource attribute',
        });
      }
      out.push(span);
      continue;
    }
    let cluster = byRef.get(ref);
    if (!cluster) {
      cluster = await clusterByRef(store, principal, ref);
      byRef.set(ref, cluster);
    }
    out.push({ ...span, cluster_id: cluster.id, cluster_name: cluster.name });
  }
  return out;
}

/** One `TRACE_RECEIVED` payload per trace of an export: its id, cluster, services, span and error counts. */
export interface TraceReceipt {
  trace_id: string;
  cluster_id?: string;
  services: string[];
  spans: number;
  errors: number;
}

/** The traces of an export, in order of first appearance. */
export function receiptsOf(spans: SpanRecord[]): TraceReceipt[] {
  const byTrace = new Map<string, TraceReceipt & { serviceSet: Set<string> }>();
  for (const span of spans) {
    let r = byTrace.get(span.trace_id);
    if (!r) {
      r = {
        trace_id: span.trace_id,
        cluster_id: span.cluster_id,
        services: [],
        spans: 0,
        errors: 0,
        serviceSet: new Set(),
      };
      byTrace.set(span.trace_id, r);
    }
    r.spans++;
    if (span.status === 'ERROR') r.errors++;
    r.serviceSet.add(span.service_name);
  }
  return [...byTrace.values()].map(({ serviceSet, ...r }) => ({ ...r, services: [...serviceSet] }));
}

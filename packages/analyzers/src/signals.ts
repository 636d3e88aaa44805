import type { ClusterSnapshot, KubeObject, ObjectRef, ResourceUsage } from '@opspilot/core';

/**
 * Kinds under which a snapshot carries measured signals. Analyzers are pure, so the caller reads them (the
 * gateway's `podMetrics`, a `MetricsSource`) and adds them with {@link withPodUsage} / {@link withHttpErrorRates};
 * without them the analyzers that need them stay silent.
 */
export const POD_USAGE_KIND = 'PodUsage';
export const HTTP_ERROR_RATE_KIND = 'HttpErrorRate';

/** The request rates of one workload over a window, as a metrics query gives them. */
export interface HttpErrorRate {
  /** The workload (Deployment, StatefulSet…) or Service the requests went to. */
  target: ObjectRef;
  /** Requests per second answered 5xx, and in all. */
  errorsPerSecond: number;
  requestsPerSecond: number;
  /** The window the rates were computed over, e.g. `5m`. */
  window: string;
  /** The query that gave them, quoted as evidence. */
  query: string;
}

function withKind(snapshot: ClusterSnapshot, kind: string, objects: KubeObject[]): ClusterSnapshot {
  return { ...snapshot, objects: { ...snapshot.objects, [kind]: objects } };
}

/** A copy of the snapshot carrying pod usage (metrics.k8s.io) as `PodUsage` objects named after their pods. */
export function withPodUsage(snapshot: ClusterSnapshot, usage: readonly ResourceUsage[]): ClusterSnapshot {
  return withKind(
    snapshot,
    POD_USAGE_KIND,
    usage
      .filter((u) => u.ref.kind === 'Pod')
      .map((u) => ({
        apiVersion: 'opspilot.dev/v1',
        kind: POD_USAGE_KIND,
        metadata: { name: u.ref.name, namespace: u.ref.namespace },
        cpuMillicores: u.cpuMillicores,
        memoryBytes: u.memoryBytes,
      })),
  );
}

/** A copy of the snapshot carrying HTTP error rates as `HttpErrorRate` objects named `Kind.name`. */
export function withHttpErrorRates(snapshot: ClusterSnapshot, rates: readonly HttpErrorRate[]): ClusterSnapshot {
  return withKind(
    snapshot,
    HTTP_ERROR_RATE_KIND,
    rates.map((r) => ({
      apiVersion: 'opspilot.dev/v1',
      kind: HTTP_ERROR_RATE_KIND,
      metadata: { name: `${r.target.kind}.${r.target.name}`, namespace: r.target.namespace },
      ...r,
    })),
  );
}

import type { KubeObject } from '@opspilot/core';

type Intish = number | string | undefined;

/** An intOrString of a rollout strategy against a replica count (`25%` of 10, rounded as the controller does). */
function resolve(value: Intish, replicas: number, fallback: string, roundUp: boolean): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const percent = Number(v.replace('%', ''));
  const exact = (percent / 100) * replicas;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * How many of a workload's pods a change of its template takes down or replaces at once, as its controller rolls it
 * out: a Deployment's `maxUnavailable` or `maxSurge` (25% each by default; at least one), every pod under
 * `Recreate`; one at a time (or `maxUnavailable`) for StatefulSets and DaemonSets. Undefined for other kinds.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy
 */
export function replicasTouched(workload: KubeObject): { touched: number; replicas: number } | undefined {
  const spec = (workload.spec ?? {}) as {
    replicas?: number;
    strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: Intish; maxSurge?: Intish } };
    updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: Intish } };
  };
  const status = (workload.status ?? {}) as { desiredNumberScheduled?: number };
  switch (workload.kind) {
    case 'Deployment': {
      const replicas = spec.replicas ?? 1;
      if (spec.strategy?.type === 'Recreate') return { touched: replicas, replicas };
      const rolling = spec.strategy?.rollingUpdate ?? {};
      const unavailable = resolve(rolling.maxUnavailable, replicas, '25%', false);
      const surge = resolve(rolling.maxSurge, replicas, '25%', true);
      return { touched: Math.min(replicas, Math.max(unavailable, surge, 1)), replicas };
    }
    case 'StatefulSet':
    case 'DaemonSet': {
      const replicas = workload.kind === 'StatefulSet' ? (spec.replicas ?? 1) : (status.desiredNumberScheduled ?? 1);
      if (spec.updateStrategy?.type === 'OnDelete') return { touched: 0, replicas };
      const touched = resolve(spec.updateStrategy?.rollingUpdate?.maxUnavailable, replicas, '1', false);
      return { touched: Math.min(replicas, Math.max(touched, 1)), replicas };
    }
    default:
      return undefined;
  }
}

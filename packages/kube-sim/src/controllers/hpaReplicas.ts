import { err, ok, type Result } from '@opspilot/core';

/** Usage and request of one pod for one resource, in milli-units (millicores, millibytes). */
export interface PodSample {
  pod: string;
  /** Undefined when the metrics API returned nothing for the pod. */
  usage?: number;
  request: number;
  /** Pending (or not yet ready): left out of a scale-up, as the real controller does. */
  unready?: boolean;
}

/** A metric target: a utilization percentage of the requests, or an average value per pod (milli-units). */
export type MetricTarget = { averageUtilization: number } | { averageValue: number };

/** What one resource metric says: the replicas it asks for and the current value to report. */
export interface MetricProposal {
  replicas: number;
  /** Utilization in percent of requests (Utilization targets). */
  utilization?: number;
  /** Average usage per pod, milli-units. */
  averageValue: number;
}

/** The tolerance within which the HPA does not scale (10 %). */
export const TOLERANCE = 0.1;

function ratioOf(samples: PodSample[], target: MetricTarget) {
  const usage = samples.reduce((n, s) => n + (s.usage ?? 0), 0);
  const averageValue = Math.floor(usage / samples.length);
  if ('averageUtilization' in target) {
    const requests = samples.reduce((n, s) => n + s.request, 0);
    const utilization = Math.floor((usage * 100) / requests);
    return { ratio: utilization / target.averageUtilization, utilization, averageValue };
  }
  return { ratio: averageValue / target.averageValue, averageValue, utilization: undefined };
}

/**
 * Replicas one resource metric asks for, with the real algorithm: `ceil(ready pods × usage / target)`, nothing
 * within the 10 % tolerance, pods without metrics assumed at the target (scale-down) or idle (scale-up), unready
 * pods idle in a scale-up, and no change when those assumptions reverse the direction.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#algorithm-details
 */
export function proposeReplicas(
  current: number,
  samples: PodSample[],
  target: MetricTarget,
  resource: string,
): Result<MetricProposal, string> {
  const measured = samples.filter((s) => s.usage !== undefined && !s.unready);
  const unready = samples.filter((s) => s.unready);
  const missing = samples.filter((s) => s.usage === undefined && !s.unready);
  if (measured.length === 0)
    return err(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  const first = ratioOf(measured, target);
  const report = { utilization: first.utilization, averageValue: first.averageValue };
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return ok({ replicas: current, ...report });
    return ok({ replicas: Math.ceil(first.ratio * measured.length), ...report });
  }
  const filled = [...measured];
  for (const s of missing) {
    const fallback =
      'averageUtilization' in target
        ? Math.floor((s.request * Math.max(100, target.averageUtilization)) / 100)
        : target.averageValue;
    filled.push({ ...s, usage: first.ratio < 1 ? fallback : 0 });
  }
  if (scaleUpWithUnready) for (const s of unready) filled.push({ ...s, usage: 0 });
  const next = ratioOf(filled, target).ratio;
  if (Math.abs(1 - next) <= TOLERANCE || (first.ratio < 1 && next > 1) || (first.ratio > 1 && next < 1))
    return ok({ replicas: current, ...report });
  const replicas = Math.ceil(next * filled.length);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return ok({ replicas: current, ...report });
  return ok({ replicas, ...report });
}

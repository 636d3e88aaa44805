import type { CiRun, DeploymentRecord, ResourceRef } from '@opspilot/core';

/** The window after a deployment in which an incident on its service counts against it, unless redeployed first. */
export const FAILURE_WINDOW_MS = 24 * 3_600_000;

/** An incident as DORA reads it. */
export interface DoraIncident {
  detected_at: string;
  resolved_at?: string;
  affected_resources: ResourceRef[];
}

/** DORA's four keys for one service (or namespace) over a range. `null` means "not enough data", never zero. */
export interface DoraFigures {
  key: string;
  namespace: string;
  service?: string;
  deployments: number;
  rollbacks: number;
  deployments_per_day: number;
  lead_time_hours: { median: number | null; p90: number | null; samples: number };
  change_failure_rate: number | null;
  failed_deployments: number;
  time_to_restore_hours: { median: number | null; samples: number; open_incidents: number };
}

/** Inputs of {@link doraMetrics}. */
export interface DoraInput {
  /** Deployment records of the clusters in scope: those in range, plus the ones after it (to see what followed). */
  deployments: readonly DeploymentRecord[];
  runs: ReadonlyMap<string, CiRun>;
  incidents: readonly DoraIncident[];
  from: Date;
  to: Date;
  groupBy: 'service' | 'namespace';
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo)) / 1;
}

const round = (n: number | null, digits = 2) => (n === null ? null : Number(n.toFixed(digits)));

/** Whether an incident touches a deployment's group: same namespace and, per service, the workload or its pods. */
function touches(
  incident: DoraIncident,
  d: Pick<DeploymentRecord, 'namespace' | 'workload' | 'service'>,
  perService: boolean,
) {
  return incident.affected_resources.some((r) => {
    if (r.namespace !== d.namespace) return false;
    if (!perService) return true;
    return r.name === d.workload || r.name === d.service || r.name.startsWith(`${d.workload}-`);
  });
}

/**
 * DORA metrics per service or namespace over `[from, to)`, with these definitions (docs/delivery.md):
 * - **deployment frequency**: deployments recorded in the range that are not roll backs, per day of the range;
 * - **lead time for changes**: for those linked to a CI run with a commit time, deployed_at − commit time (median,
 *   90th percentile, hours);
 * - **change failure rate**: the share of those deployments followed, before the workload's next deployment, by a
 *   roll back, or by an incident on the service detected within {@link FAILURE_WINDOW_MS} and before that next
 *   deployment;
 * - **time to restore**: for incidents on the service detected in the range and resolved, resolved − detected
 *   (median, hours); open ones are counted apart.
 */
export function doraMetrics(input: DoraInput): DoraFigures[] {
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const days = Math.max((input.to.getTime() - input.from.getTime()) / 86_400_000, 1 / 24);
  const perService = input.groupBy === 'service';
  const byWorkload = new Map<string, DeploymentRecord[]>();
  for (const d of input.deployments) {
    const k = `${d.cluster_id}/${d.namespace}/${d.workload_kind}/${d.workload}`;
    byWorkload.set(k, [...(byWorkload.get(k) ?? []), d]);
  }
  for (const list of byWorkload.values()) list.sort((a, b) => a.deployed_at.localeCompare(b.deployed_at));
  const groups = new Map<
    string,
    { namespace: string; service?: string; items: { d: DeploymentRecord; next?: DeploymentRecord }[] }
  >();
  for (const list of byWorkload.values()) {
    list.forEach((d, i) => {
      if (d.deployed_at < from || d.deployed_at >= to) return;
      const key = perService ? `${d.namespace}/${d.service}` : d.namespace;
      const g = groups.get(key) ?? { namespace: d.namespace, ...(perService ? { service: d.service } : {}), items: [] };
      g.items.push({ d, ...(list[i + 1] ? { next: list[i + 1] } : {}) });
      groups.set(key, g);
    });
  }
  const out: DoraFigures[] = [];
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const deployments = g.items.filter((x) => !x.d.rollback);
    const leads: number[] = [];
    let failed = 0;
    for (const { d, next } of deployments) {
      const run = d.run_id ? input.runs.get(d.run_id) : undefined;
      if (run?.commit_at) {
        const h = (Date.parse(d.deployed_at) - Date.parse(run.commit_at)) / 3_600_000;
        if (h >= 0) leads.push(h);
      }
      const until = Math.min(
        next ? Date.parse(next.deployed_at) : Number.POSITIVE_INFINITY,
        Date.parse(d.deployed_at) + FAILURE_WINDOW_MS,
      );
      const incident = input.incidents.some((inc) => {
        const t = Date.parse(inc.detected_at);
        return t >= Date.parse(d.deployed_at) && t < until && touches(inc, d, perService);
      });
      if (next?.rollback || incident) failed++;
    }
    leads.sort((a, b) => a - b);
    const sample = g.items[0]!.d;
    const incidents = input.incidents.filter(
      (inc) =>
        inc.detected_at >= from &&
        inc.detected_at < to &&
        (perService ? g.items.some((x) => touches(inc, x.d, true)) : touches(inc, sample, false)),
    );
    const restores = incidents
      .filter((inc) => inc.resolved_at)
      .map((inc) => (Date.parse(inc.resolved_at!) - Date.parse(inc.detected_at)) / 3_600_000)
      .sort((a, b) => a - b);
    out.push({
      key,
      namespace: g.namespace,
      ...(g.service ? { service: g.service } : {}),
      deployments: deployments.length,
      rollbacks: g.items.length - deployments.length,
      deployments_per_day: round(deployments.length / days, 3)!,
      lead_time_hours: { median: round(quantile(leads, 0.5)), p90: round(quantile(leads, 0.9)), samples: leads.length },
      change_failure_rate: deployments.length === 0 ? null : round(failed / deployments.length, 3),
      failed_deployments: failed,
      time_to_restore_hours: {
        median: round(quantile(restores, 0.5)),
        samples: restores.length,
        open_incidents: incidents.length - restores.length,
      },
    });
  }
  return out;
}

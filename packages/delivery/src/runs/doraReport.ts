import type { CiRun, Incident } from '@opspilot/core';
import { type DeliveryRecords, listAll, type Records } from './deliveryRecords.js';
import { type DoraFigures, doraMetrics } from './doraMetrics.js';

/** Which deployments and incidents a DORA report covers. */
export interface DoraQuery {
  from: Date;
  to: Date;
  groupBy: 'service' | 'namespace';
  /** Clusters the caller may see; undefined for all. */
  clusterIds?: readonly string[];
  namespace?: string;
  service?: string;
}

/** A DORA report: the range, the grouping and the figures of each group. */
export interface DoraReport {
  from: string;
  to: string;
  group_by: 'service' | 'namespace';
  groups: DoraFigures[];
}

/**
 * Reads the deployments (from the start of the range on, so what followed each is known), the runs they link to and
 * the incidents of the range, and computes {@link doraMetrics}. Incidents are matched by their affected resources'
 * namespace (and name, per service).
 */
export async function doraReport(
  records: Pick<DeliveryRecords, 'deploymentRecords' | 'ciRuns'> & {
    incidents: Pick<Records<Incident, unknown>, 'list'>;
  },
  q: DoraQuery,
): Promise<DoraReport> {
  const from = q.from.toISOString();
  const inScope = (clusterId: string | undefined) =>
    q.clusterIds === undefined || (clusterId !== undefined && q.clusterIds.includes(clusterId));
  const deployments = (await listAll(records.deploymentRecords, { deployed_at: { gte: from } }, 20_000)).filter(
    (d) =>
      inScope(d.cluster_id) &&
      (!q.namespace || d.namespace === q.namespace) &&
      (!q.service || d.service === q.service || d.workload === q.service),
  );
  const runs = new Map<string, CiRun>();
  for (const id of new Set(deployments.flatMap((d) => (d.run_id ? [d.run_id] : [])))) {
    const run = await records.ciRuns.find(id);
    if (run) runs.set(id, run);
  }
  const incidents = (await listAll(records.incidents, { detected_at: { gte: from } }, 5_000))
    .filter((i) => inScope(i.cluster_id) && i.detected_at < q.to.toISOString())
    .map((i) => ({
      detected_at: i.detected_at,
      ...(i.resolved_at ? { resolved_at: i.resolved_at } : {}),
      affected_resources: i.affected_resources,
    }));
  return {
    from,
    to: q.to.toISOString(),
    group_by: q.groupBy,
    groups: doraMetrics({ deployments, runs, incidents, from: q.from, to: q.to, groupBy: q.groupBy }),
  };
}

import { ClusterCapabilities, ClusterState, Finding } from '@opspilot/core';
import { SeverityCounts } from '@opspilot/fleet';
import { z } from 'zod';
import { NoInput } from '../apiSchemas.js';
import { procedureFor } from '../trpc.js';
import { visibleClusters } from '../visibleClusters.js';
import { LiveSightingOutput, liveSightingsOf } from './liveSightings.js';

/** How many findings the Overview shows per cluster. */
export const TOP_FINDINGS = 3;

const ClusterSummary = z.object({
  cluster_id: z.string(),
  name: z.string(),
  display_name: z.string().optional(),
  environment: z.string(),
  watched: z.boolean(),
  state: ClusterState,
  health_score: z.number().optional(),
  last_error: z.string().optional(),
  capabilities: ClusterCapabilities,
  service_mesh: z.string().optional(),
  counts: z.object({
    nodes: z.number().int(),
    nodes_ready: z.number().int(),
    pods: z.number().int(),
    pods_healthy: z.number().int(),
    namespaces: z.number().int(),
  }),
  findings: SeverityCounts,
  /** The most severe current problems (root causes), at most {@link TOP_FINDINGS}. */
  top_findings: z.array(Finding),
  /** When each top finding's cause was first and last seen, and in how many runs. */
  top_sightings: z.array(LiveSightingOutput),
});

const NO_FINDINGS = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };

/**
 * `fleet.overview`: every cluster the caller may see with its live health (state, score, counts of nodes, pods,
 * namespaces and findings by severity), detected capabilities and top findings — what the Overview page shows. A
 * cluster not watched shows its stored status with zero counts.
 */
export const fleetOverviewProcedure = procedureFor('VIEWER')
  .meta({
    openapi: { method: 'GET', path: '/fleet/overview', tags: ['fleet'], protect: true, summary: 'Fleet overview' },
  })
  .input(NoInput)
  .output(z.object({ clusters: z.array(ClusterSummary) }))
  .query(async ({ ctx }) => {
    const clusters = await visibleClusters(ctx.services.store, ctx.principal);
    return {
      clusters: clusters.map((cluster) => {
        const watch = ctx.services.fleet.get(cluster.id);
        const report = watch?.report();
        const status = report?.status ?? cluster.status;
        const roots = watch ? rootCauses(watch.findings()) : [];
        return {
          cluster_id: cluster.id,
          name: cluster.name,
          ...(cluster.display_name ? { display_name: cluster.display_name } : {}),
          environment: cluster.environment,
          watched: watch !== undefined,
          state: status.state,
          ...(status.health_score !== undefined ? { health_score: status.health_score } : {}),
          ...(status.last_error ? { last_error: status.last_error } : {}),
          capabilities: report?.capabilities ?? cluster.capabilities ?? ClusterCapabilities.parse({}),
          ...(report?.service_mesh ? { service_mesh: report.service_mesh } : {}),
          counts: {
            ...(report?.counts ?? { nodes: 0, nodes_ready: 0, pods: 0, pods_healthy: 0 }),
            namespaces: watch?.model.objects('Namespace').length ?? 0,
          },
          findings: report?.findings ?? NO_FINDINGS,
          top_findings: roots.slice(0, TOP_FINDINGS),
          top_sightings: watch ? liveSightingsOf(watch, roots.slice(0, TOP_FINDINGS)) : [],
        };
      }),
    };
  });

/** Findings that are no other finding's symptom, in the watcher's order (most severe problem first). */
function rootCauses(findings: Finding[]): Finding[] {
  const symptoms = new Set(findings.flatMap((f) => f.rootCauseOf ?? []));
  return findings.filter((f) => !symptoms.has(f.id));
}

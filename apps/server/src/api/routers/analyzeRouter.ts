import { AnalysisReport, analyzeSnapshot, snapshotForAnalysis } from '@opspilot/analyzers';
import { z } from 'zod';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

/** At most this many `FINDING_DETECTED` events per run (one per root-cause group), so a broken cluster cannot flood. */
const MAX_FINDING_EVENTS = 50;

/**
 * Diagnosis: takes a snapshot of a registered cluster through its shared gateway, runs the built-in analyzers
 * (`@opspilot/analyzers`) and returns the report, grouped by root cause. Each group is announced as
 * `FINDING_DETECTED`. Read-only: VIEWER on the cluster is enough. A missing namespace is a 404 naming it, an
 * unreachable cluster a 502 — never an empty report.
 */
export const analyzeRouter = router({
  run: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/clusters/{cluster_id}/analysis',
        tags: ['analyze'],
        protect: true,
        summary: 'Analyze a cluster',
      },
    })
    .input(z.object({ cluster_id: z.uuid(), namespace: z.string().min(1).optional() }))
    .output(AnalysisReport)
    .query(async ({ ctx, input }) => {
      const { store, bus, clock, gateways } = ctx.services;
      const cluster = await visibleCluster(store, ctx.principal, input.cluster_id);
      const gateway = await gateways.get(cluster.id);
      const snapshot = await snapshotForAnalysis(gateway, { namespace: input.namespace });
      const { report, groups } = analyzeSnapshot(snapshot, { now: clock.now(), namespace: input.namespace });
      const timestamp = clock.now().toISOString();
      for (const group of groups.slice(0, MAX_FINDING_EVENTS)) {
        const finding = group.rootCause;
        await bus.publish({
          event_type: 'FINDING_DETECTED',
          cluster_id: cluster.id,
          namespace: finding.resource.namespace,
          timestamp,
          payload: {
            finding_id: finding.id,
            analyzer: finding.analyzer,
            severity: group.severity,
            message: finding.message,
            symptoms: group.symptoms.length,
          },
        });
      }
      return report;
    }),
});

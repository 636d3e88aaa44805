import {
  AnalysisReport,
  analyzeSnapshot,
  causeSightings,
  historyOfSightings,
  readHttpErrorRates,
  snapshotForAnalysis,
  withHttpErrorRates,
} from '@opspilot/analyzers';
import { z } from 'zod';
import { diagnosisMetricsSource } from '../../metrics/diagnosisMetricsSource.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

/** At most this many `FINDING_DETECTED` events per run (one per root-cause group), so a broken cluster cannot flood. */
const MAX_FINDING_EVENTS = 50;

/**
 * Diagnosis: takes a snapshot of a registered cluster through its shared gateway, runs the built-in analyzers
 * (`@opspilot/analyzers`) and returns the report, grouped by root cause. Each group is announced as
 * `FINDING_DETECTED`. The cluster's metrics (its Prometheus or the built-in sampler) add the HTTP 5xx rates of its
 * workloads; each cause's sighting is kept in the store (`finding_sightings`), so a problem keeps its `first_seen`
 * across runs and server restarts, and the fleet's live problems count the run at once. Read-only: VIEWER on the cluster is enough. A missing namespace is a 404 naming it, an
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
      const { store, bus, clock, gateways, metrics } = ctx.services;
      const cluster = await visibleCluster(store, ctx.principal, input.cluster_id);
      const gateway = await gateways.get(cluster.id);
      const snapshot = await snapshotForAnalysis(gateway, { namespace: input.namespace });
      const rates = await readHttpErrorRates(diagnosisMetricsSource(metrics, cluster), {
        now: clock.now(),
        clusterIds: [cluster.id],
        ...(input.namespace ? { namespace: input.namespace } : {}),
      });
      const history = historyOfSightings(await store.findingSightings.list(cluster.id));
      const { report, groups } = analyzeSnapshot(rates.length > 0 ? withHttpErrorRates(snapshot, rates) : snapshot, {
        now: clock.now(),
        namespace: input.namespace,
        history,
      });
      await store.findingSightings.record(cluster.id, causeSightings(groups));
      // The live problems (Overview, cluster page) count this run before its FINDING_DETECTED events refresh them.
      await ctx.services.fleet.sightingsRecorded(cluster.id);
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

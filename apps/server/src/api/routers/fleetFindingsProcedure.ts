import { Finding, Uuid } from '@opspilot/core';
import { z } from 'zod';
import { procedureFor } from '../trpc.js';
import { LiveSightingOutput, liveSightingsOf } from './liveSightings.js';
import { requireWatch } from './requireWatch.js';

/** Findings one answer carries at most. */
const MAX_FINDINGS = 500;

/**
 * `fleet.findings`: the current findings of one cluster from the analyzers run on its live model (kept current as
 * the cluster changes), most severe problem first, at most 500; with each problem's first and last sighting and run
 * count, as analysis runs stored them (`finding_sightings`).
 */
export const fleetFindingsProcedure = procedureFor('VIEWER')
  .meta({
    openapi: { method: 'GET', path: '/fleet/findings', tags: ['fleet'], protect: true, summary: 'Live findings' },
  })
  .input(z.object({ cluster: Uuid }))
  .output(
    z.object({
      cluster_id: z.string(),
      total: z.number().int(),
      items: z.array(Finding),
      /** Per problem (root finding): first and last seen, runs and affected count from the stored sightings. */
      sightings: z.array(LiveSightingOutput),
    }),
  )
  .query(async ({ ctx, input }) => {
    const { cluster, watch } = await requireWatch(ctx.services, ctx.principal, input.cluster);
    const findings = watch.findings();
    const items = findings.slice(0, MAX_FINDINGS);
    return { cluster_id: cluster.id, total: findings.length, items, sightings: liveSightingsOf(watch, items) };
  });

import { NotFoundError } from '@opspilot/core';
import { z } from 'zod';
import type { ApiContext } from '../trpc.js';
import { procedureFor, router } from '../trpc.js';
import { visibleClusters } from '../visibleClusters.js';
import { GpusInput, GpusOutput, GpusWatchInput } from './gpusSchemas.js';

type Ctx = ApiContext & { principal: NonNullable<ApiContext['principal']> };

/** The visible clusters a request names (all visible ones when it names none); an unknown id is a NotFoundError. */
async function clustersOf(ctx: Ctx, ids: string[] | undefined) {
  const visible = await visibleClusters(ctx.services.store, ctx.principal);
  if (!ids || ids.length === 0) return visible;
  return ids.map((id) => {
    const found = visible.find((c) => c.id === id);
    if (!found) throw new NotFoundError(`cluster ${id} not found`, { hint: 'list the clusters you may see' });
    return found;
  });
}

/**
 * The GPU fleet (seed 003 §4) across the caller's clusters: GPU nodes from each cluster's live model with their GPUs
 * and processes from dcgm-exporter series (the cluster's Prometheus, or the built-in sampler), one entry per cluster
 * with its own status and the whole PARTIAL when some fail; GPU_UPDATE events for open pages.
 */
export const gpusRouter = router({
  list: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/gpus',
        tags: ['gpus'],
        protect: true,
        summary: 'GPU nodes, GPUs and processes',
      },
    })
    .input(GpusInput)
    .output(GpusOutput)
    .query(async ({ ctx, input }) => {
      const answer = await ctx.services.gpus.list(await clustersOf(ctx, input.cluster_ids), {
        timeoutSeconds: input.timeout,
      });
      if (!input.node) return answer;
      return {
        ...answer,
        clusters: answer.clusters.map((c) => ({ ...c, nodes: c.nodes.filter((n) => n.node_name === input.node) })),
      };
    }),
  watch: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/gpus/watch',
        tags: ['gpus'],
        protect: true,
        summary: 'GPU_UPDATE events of a cluster',
      },
    })
    .input(GpusWatchInput)
    .output(z.object({ watching: z.boolean(), until: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const [cluster] = await clustersOf(ctx, [input.cluster_id]);
      const until = ctx.services.gpuUpdates.watch(cluster!);
      return { watching: true, until: until.toISOString() };
    }),
});

import { analyzeSnapshot, snapshotForAnalysis } from '@opspilot/analyzers';
import { z } from 'zod';
import { defineChatTool } from '../chatTool.js';
import { resolveCluster } from '../resolveCluster.js';
import { ClusterArg } from './clusterArg.js';

const AnalyzeInput = z.object({
  cluster: ClusterArg,
  namespace: z.string().min(1).optional().describe('omit for the whole cluster'),
  limit: z.int().min(1).max(100).default(20),
});

/** `analyze`: the built-in analyzers over a snapshot of the cluster, problems grouped by root cause. */
export const analyzeTool = defineChatTool({
  name: 'analyze',
  description:
    'Diagnose a cluster or namespace with the built-in analyzers: problems grouped by root cause, most severe first, with the affected objects.',
  input: AnalyzeInput as z.ZodType<z.input<typeof AnalyzeInput>>,
  output: z.object({ cluster: z.string(), summary: z.record(z.string(), z.unknown()), problems: z.array(z.unknown()) }),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = AnalyzeInput.parse(raw);
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const gateway = await ctx.backend.cluster(cluster.value.id);
    const namespace = input.namespace ?? ctx.namespace;
    const snapshot = await snapshotForAnalysis(gateway, namespace ? { namespace } : {});
    const { report } = analyzeSnapshot(snapshot, { now: ctx.now ?? new Date(), ...(namespace ? { namespace } : {}) });
    return {
      ok: true,
      value: {
        cluster: cluster.value.name,
        summary: report.summary,
        problems: report.problems.slice(0, input.limit).map((p) => ({
          severity: p.severity,
          root_cause: p.root_cause,
          root_object: p.root_object,
          symptoms: p.symptoms,
          affected: p.affected,
        })),
      },
    };
  },
});

import { z } from 'zod';
import { defineChatTool } from '../chatTool.js';
import { resolveCluster } from '../resolveCluster.js';
import { ClusterArg } from './clusterArg.js';

const missing = (what: string) => ({
  ok: false as const,
  error: `${what} is not available here; answer from the cluster objects and the analysis instead`,
});

const FindingsInput = z.object({
  cluster: ClusterArg,
  severity: z.enum(['critical', 'high', 'medium', 'low']).optional().describe('only findings of this severity'),
  namespace: z.string().min(1).optional(),
  limit: z.int().min(1).max(200).default(50),
});

/** `security_findings`: the findings of the cluster's latest security posture scan. */
export const securityFindingsTool = defineChatTool({
  name: 'security_findings',
  description:
    "List the findings of the cluster's latest security posture scan (check, severity, object, message, remediation), optionally of one severity or namespace, the most severe first.",
  input: FindingsInput as z.ZodType<z.input<typeof FindingsInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = FindingsInput.parse(raw);
    const source = ctx.backend.securityFindings;
    if (!source) return missing('the security guardian');
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const value = await source.call(ctx.backend, cluster.value.id, {
      ...(input.severity ? { severity: input.severity } : {}),
      ...(input.namespace ? { namespace: input.namespace } : {}),
      limit: input.limit,
    });
    return { ok: true, value };
  },
});

const PostureInput = z.object({ cluster: ClusterArg });

/** `security_posture`: the score, counts per severity and per-namespace posture of the latest scan. */
export const securityPostureTool = defineChatTool({
  name: 'security_posture',
  description:
    "The cluster's security posture from its latest scan: status, score (0-100), findings per severity, and the namespaces with most findings.",
  input: PostureInput as z.ZodType<z.input<typeof PostureInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = PostureInput.parse(raw);
    const source = ctx.backend.securityPosture;
    if (!source) return missing('the security guardian');
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    return { ok: true, value: await source.call(ctx.backend, cluster.value.id) };
  },
});

const AllocationInput = z.object({
  cluster: ClusterArg,
  by: z
    .string()
    .regex(
      /^(cluster|namespace|workload|team|label:[A-Za-z0-9._/-]+)$/,
      'cluster, namespace, workload, team or label:KEY',
    )
    .default('namespace')
    .describe('group by cluster, namespace, workload, team or label:KEY'),
  since_hours: z
    .int()
    .min(1)
    .max(24 * 90)
    .default(24)
    .describe('the window, in hours before now'),
  namespace: z.string().min(1).optional().describe('only this namespace'),
});

/** `cost_allocation`: what the cluster costs per group (OpenCost method), idle apart, with the monthly rate. */
export const costAllocationTool = defineChatTool({
  name: 'cost_allocation',
  description:
    'What the cluster cost over the last hours per namespace, workload, team or label (max of request and usage, GPUs, volumes, LoadBalancers; idle cost apart), with the monthly rate of each group.',
  input: AllocationInput as z.ZodType<z.input<typeof AllocationInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = AllocationInput.parse(raw);
    const source = ctx.backend.costAllocation;
    if (!source) return missing('the cost optimizer');
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const value = await source.call(ctx.backend, cluster.value.id, {
      by: input.by,
      sinceHours: input.since_hours,
      ...(input.namespace ? { namespace: input.namespace } : {}),
    });
    return { ok: true, value };
  },
});

const RecommendationsInput = z.object({
  cluster: ClusterArg,
  namespace: z.string().min(1).optional(),
  limit: z.int().min(1).max(100).default(20),
});

/** `cost_recommendations`: the open savings (rightsizing, idle, unused, bin-packing), the largest first. */
export const costRecommendationsTool = defineChatTool({
  name: 'cost_recommendations',
  description:
    'The open cost recommendations of the cluster (rightsizing per container, idle workloads, unused volumes, orphaned LoadBalancers, bin-packing) with their monthly saving, the largest first. To apply one, call propose_operation with "rightsize <workload>".',
  input: RecommendationsInput as z.ZodType<z.input<typeof RecommendationsInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = RecommendationsInput.parse(raw);
    const source = ctx.backend.costRecommendations;
    if (!source) return missing('the cost optimizer');
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const value = await source.call(ctx.backend, cluster.value.id, {
      ...(input.namespace ? { namespace: input.namespace } : {}),
      limit: input.limit,
    });
    return { ok: true, value };
  },
});

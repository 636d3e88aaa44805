import { z } from 'zod';
import { defineChatTool } from '../chatTool.js';
import { resolveCluster } from '../resolveCluster.js';
import { ClusterArg } from './clusterArg.js';

const ProposeInput = z.object({
  cluster: ClusterArg,
  request: z
    .string()
    .min(3)
    .max(2_000)
    .describe('the change in plain English, e.g. "scale deployment backend in shop to 3 replicas"'),
  namespace: z.string().min(1).optional(),
});

/**
 * `propose_operation`: the only tool that leads to a change. It creates an operation through the operation lifecycle
 * (plan, risk, dry-run and diff); a change then waits for a person to approve it — nothing is applied by the tool.
 */
export const proposeOperationTool = defineChatTool({
  name: 'propose_operation',
  description:
    'Propose a change to a cluster in plain English. It creates an operation with a plan, risk and diff that waits for a person to approve it; it never changes anything by itself. Use only when the user asked for a change.',
  input: ProposeInput,
  output: z.object({ kind: z.string(), operation_id: z.string().optional(), state: z.string().optional() }).loose(),
  effect: 'write',
  untrusted: false,
  run: async (ctx, input) => {
    if (!ctx.backend.propose) return { ok: false, error: 'proposing operations is not available here (read-only)' };
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const value = await ctx.backend.propose(cluster.value.id, input.request, input.namespace ?? ctx.namespace);
    return { ok: true, value };
  },
});

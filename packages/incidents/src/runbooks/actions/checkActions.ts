import { z } from 'zod';
import { type Any, defineRunbookAction } from '../runbookAction.js';

/** Holds when the workload's rollout is complete: every replica updated and available. */
export const checkRolloutComplete = defineRunbookAction({
  id: 'check:rollout-complete',
  type: 'check',
  description: 'The rollout of a workload finished: all replicas updated and available',
  params: z.object({
    namespace: z.string().min(1),
    workload: z.string().min(1),
    kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']).default('Deployment'),
  }),
  async run(ctx, p) {
    const s = await ctx.gateway.rolloutStatus(
      { kind: p.kind, namespace: p.namespace, name: p.workload },
      { signal: ctx.signal },
    );
    return { ok: s.done, output: s.message };
  },
});

/** Holds when the node reports Ready. */
export const checkNodeReady = defineRunbookAction({
  id: 'check:node-ready',
  type: 'check',
  description: 'A node reports Ready',
  params: z.object({ node: z.string().min(1) }),
  async run(ctx, { node }) {
    const obj = await ctx.gateway.get({ kind: 'Node', name: node }, { signal: ctx.signal });
    const ready = (((obj?.status as Any | undefined)?.conditions ?? []) as Any[]).find((c) => c.type === 'Ready');
    return { ok: ready?.status === 'True', output: `node ${node} Ready=${ready?.status ?? 'unknown'}` };
  },
});

/** Holds when no pod of the node is left but DaemonSet and mirror pods (a drain finished). */
export const checkNodeDrained = defineRunbookAction({
  id: 'check:node-drained',
  type: 'check',
  description: 'Only DaemonSet pods are left on a node',
  params: z.object({ node: z.string().min(1) }),
  async run(ctx, { node }) {
    const pods = await ctx.gateway.list('Pod', { fieldSelector: `spec.nodeName=${node}`, signal: ctx.signal });
    const left = pods.filter(
      (p) =>
        (p.spec as Any | undefined)?.nodeName === node &&
        !(p.metadata.ownerReferences ?? []).some((o) => o.kind === 'DaemonSet') &&
        !p.metadata.deletionTimestamp,
    );
    return { ok: left.length === 0, output: left.length ? `${left.length} pod(s) left on ${node}` : `${node} drained` };
  },
});

/** Holds when every signal of the incident has cleared. */
export const checkSignalsClear = defineRunbookAction({
  id: 'check:signals-clear',
  type: 'check',
  description: 'Every signal of the incident has cleared',
  params: z.object({}),
  async run(ctx) {
    const signals = (await ctx.incidentSignals?.()) ?? [];
    const firing = signals.filter((s) => s.state === 'FIRING');
    return {
      ok: firing.length === 0,
      output: firing.length ? `still firing: ${firing.map((s) => s.title).join('; ')}` : 'all signals clear',
    };
  },
});

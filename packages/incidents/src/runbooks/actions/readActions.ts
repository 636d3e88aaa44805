import { z } from 'zod';
import { type Any, defineRunbookAction } from '../runbookAction.js';

const Workload = z.object({
  namespace: z.string().min(1),
  workload: z.string().min(1),
  kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']).default('Deployment'),
});

/** `kubectl rollout status` (one look, not a wait). */
export const rolloutStatus = defineRunbookAction({
  id: 'kube:rollout-status',
  type: 'diagnostic',
  description: 'Show how far the rollout of a workload got',
  params: Workload,
  async run(ctx, p) {
    const s = await ctx.gateway.rolloutStatus(
      { kind: p.kind, namespace: p.namespace, name: p.workload },
      { signal: ctx.signal },
    );
    return {
      ok: true,
      output: `${p.workload}: ${s.message} (${s.updatedReplicas}/${s.desiredReplicas} updated, ${s.availableReplicas} available)`,
    };
  },
});

/** `kubectl get events` about an object or a namespace, newest last. */
export const events = defineRunbookAction({
  id: 'kube:events',
  type: 'diagnostic',
  description: 'List the events of a namespace (or of one object), warnings first',
  params: z.object({
    namespace: z.string().min(1),
    kind: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
  }),
  async run(ctx, p) {
    const involved = p.kind && p.name ? { kind: p.kind, namespace: p.namespace, name: p.name } : undefined;
    const found = await ctx.gateway.events({
      namespace: p.namespace,
      ...(involved ? { involved } : {}),
      signal: ctx.signal,
    });
    const lines = found
      .map((e) => e as Any)
      .sort((a, b) => Number(a.type !== 'Warning') - Number(b.type !== 'Warning'))
      .slice(0, 30)
      .map(
        (e) =>
          `${e.type ?? ''}\t${e.reason ?? ''}\t${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}\t${e.message ?? ''}`,
      );
    return { ok: true, output: lines.join('\n') || 'no events' };
  },
});

/** `kubectl logs --tail` of one pod of a workload (its first pod by name), error lines first. */
export const logs = defineRunbookAction({
  id: 'kube:logs',
  type: 'diagnostic',
  description: 'Show the last log lines of the pods of a workload (untrusted cluster text)',
  params: z.object({
    namespace: z.string().min(1),
    workload: z.string().min(1),
    tail: z.coerce.number().int().min(1).max(1000).default(50),
  }),
  async run(ctx, p) {
    const pods = (await ctx.gateway.list('Pod', { namespace: p.namespace, signal: ctx.signal }))
      .filter((pod) => pod.metadata.name.startsWith(`${p.workload}-`))
      .slice(0, 3);
    const parts: string[] = [];
    for (const pod of pods) {
      const text = await ctx.gateway
        .logs(
          { kind: 'Pod', namespace: p.namespace, name: pod.metadata.name },
          { tailLines: p.tail, signal: ctx.signal },
        )
        .catch((e: Error) => `(no logs: ${e.message})`);
      parts.push(`--- ${pod.metadata.name}\n${text.trim()}`);
    }
    return { ok: true, output: parts.join('\n') || `no pods of ${p.workload}` };
  },
});

/** `kubectl get` of one object, as a short status line. */
export const getObject = defineRunbookAction({
  id: 'kube:get',
  type: 'diagnostic',
  description: 'Show the status of one object',
  params: z.object({ kind: z.string().min(1), namespace: z.string().min(1).optional(), name: z.string().min(1) }),
  async run(ctx, p) {
    const obj = await ctx.gateway.get(
      { kind: p.kind, name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}) },
      { signal: ctx.signal },
    );
    if (!obj) return { ok: false, output: `${p.kind} ${p.name} not found` };
    return { ok: true, output: JSON.stringify({ spec: obj.spec, status: obj.status }).slice(0, 4000) };
  },
});

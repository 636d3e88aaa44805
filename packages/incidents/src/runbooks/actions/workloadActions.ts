import { InputError, parseQuantity } from '@opspilot/core';
import { z } from 'zod';
import { containersOf, defineRunbookAction } from '../runbookAction.js';

const Workload = z.object({
  namespace: z.string().min(1),
  workload: z.string().min(1),
  kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']).default('Deployment'),
});
const target = (p: z.infer<typeof Workload>) => ({ kind: p.kind, namespace: p.namespace, name: p.workload });

/** `kubectl rollout undo`: back to the previous revision (or `to_revision`). */
export const deploymentRollback = defineRunbookAction({
  id: 'deployment:rollback',
  type: 'action',
  description: 'Roll a Deployment back to its previous revision (kubectl rollout undo)',
  params: Workload.extend({ to_revision: z.coerce.number().int().positive().optional() }),
  async propose(_ctx, p) {
    return {
      summary: `roll back ${p.kind.toLowerCase()}/${p.workload} in ${p.namespace}`,
      steps: [
        {
          op: 'rolloutUndo',
          target: target(p),
          ...(p.to_revision ? { toRevision: p.to_revision } : {}),
          description: `roll back ${p.workload}`,
        },
      ],
    };
  },
});

/** `kubectl rollout restart`. */
export const workloadRestart = defineRunbookAction({
  id: 'workload:restart',
  type: 'action',
  description: 'Restart the pods of a workload (kubectl rollout restart)',
  params: Workload,
  async propose(_ctx, p) {
    return {
      summary: `restart ${p.kind.toLowerCase()}/${p.workload} in ${p.namespace}`,
      steps: [{ op: 'rolloutRestart', target: target(p), description: `restart ${p.workload}` }],
    };
  },
});

/** `kubectl scale`: to `replicas`, or the current count times `factor` (at least one more), at most `max`. */
export const workloadScale = defineRunbookAction({
  id: 'workload:scale',
  type: 'action',
  description: 'Scale a workload to a number of replicas, or by a factor of the current count',
  params: Workload.extend({
    replicas: z.coerce.number().int().min(0).optional(),
    factor: z.coerce.number().positive().default(2),
    max: z.coerce.number().int().min(1).default(20),
  }),
  async propose(ctx, p) {
    if (p.kind === 'DaemonSet')
      throw new InputError('a DaemonSet cannot be scaled', { hint: 'scale a Deployment or StatefulSet' });
    const live = await ctx.gateway.get(target(p), { signal: ctx.signal });
    const current = Number((live?.spec as { replicas?: number } | undefined)?.replicas ?? 1);
    const replicas = Math.min(p.max, p.replicas ?? Math.max(current + 1, Math.ceil(current * p.factor)));
    return {
      summary: `scale ${p.kind.toLowerCase()}/${p.workload} in ${p.namespace} from ${current} to ${replicas}`,
      steps: [
        {
          op: 'scale',
          target: target(p),
          replicas,
          fromReplicas: current,
          description: `scale ${p.workload} to ${replicas}`,
        },
      ],
    };
  },
});

const formatMi = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)}Mi`;

/** Raises a container's memory limit: to `memory`, or the current limit times `factor` (default 2). */
export const workloadMemoryLimit = defineRunbookAction({
  id: 'workload:set-memory-limit',
  type: 'action',
  description: "Raise a container's memory limit (to a value, or by a factor of the current one)",
  params: Workload.extend({
    container: z.string().min(1).optional(),
    memory: z.string().min(1).optional(),
    factor: z.coerce.number().min(1).default(2),
  }),
  async propose(ctx, p) {
    const live = await ctx.gateway.get(target(p), { signal: ctx.signal });
    const containers = containersOf(live);
    const container = p.container ? containers.find((c) => c.name === p.container) : containers[0];
    if (!live || !container) {
      throw new InputError(`no container ${p.container ?? ''} in ${p.kind}/${p.namespace}/${p.workload}`, {
        hint: 'name an existing workload and container',
      });
    }
    const current = container.resources?.limits?.memory as string | undefined;
    const bytes = parseQuantity(current);
    const memory = p.memory ?? (bytes ? formatMi(bytes * p.factor) : '512Mi');
    const patch = (value: string | undefined) => ({
      apiVersion: live.apiVersion,
      kind: p.kind,
      metadata: { name: p.workload, namespace: p.namespace },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: container.name,
                resources: { ...container.resources, limits: { ...container.resources?.limits, memory: value } },
              },
            ],
          },
        },
      },
    });
    return {
      summary: `raise the memory limit of ${container.name} in ${p.workload} from ${current ?? 'none'} to ${memory}`,
      steps: [
        {
          op: 'apply',
          mode: 'patch',
          object: patch(memory),
          description: `memory limit of ${container.name} → ${memory}`,
        },
      ],
    };
  },
});

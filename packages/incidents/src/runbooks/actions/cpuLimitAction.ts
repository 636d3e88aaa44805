import { InputError, parseQuantity } from '@opspilot/core';
import { z } from 'zod';
import { containersOf, defineRunbookAction } from '../runbookAction.js';

const formatCpu = (cores: number) => `${Math.max(1, Math.round(cores * 1000))}m`;

/**
 * Caps a container's CPU: at `cpu`, or its CPU request times `factor` (default 1: what the scheduler reserved for it),
 * 500m when it requests none. The cure for a noisy neighbour: a container without a CPU limit takes every idle cycle
 * of its node and starves the pods beside it once the node is over-committed; with a limit its spike is held there.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-limits-are-run
 */
export const workloadCpuLimit = defineRunbookAction({
  id: 'workload:set-cpu-limit',
  type: 'action',
  description: "Cap a container's CPU (at a value, or at its CPU request times a factor)",
  params: z.object({
    namespace: z.string().min(1),
    workload: z.string().min(1),
    kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']).default('Deployment'),
    container: z.string().min(1).optional(),
    cpu: z.string().min(1).optional(),
    factor: z.coerce.number().positive().default(1),
  }),
  async propose(ctx, p) {
    const ref = { kind: p.kind, namespace: p.namespace, name: p.workload };
    const live = await ctx.gateway.get(ref, { signal: ctx.signal });
    const containers = containersOf(live);
    const container = p.container ? containers.find((c) => c.name === p.container) : containers[0];
    if (!live || !container) {
      throw new InputError(`no container ${p.container ?? ''} in ${p.kind}/${p.namespace}/${p.workload}`, {
        hint: 'name an existing workload and container',
      });
    }
    if (p.cpu !== undefined && parseQuantity(p.cpu) === undefined) {
      throw new InputError(`cpu "${p.cpu}" is not a quantity`, { hint: 'write it as 500m or 1.5' });
    }
    const requested = parseQuantity(container.resources?.requests?.cpu as string | undefined);
    const current = container.resources?.limits?.cpu as string | undefined;
    const cpu = p.cpu ?? (requested ? formatCpu(requested * p.factor) : '500m');
    return {
      summary: `cap the CPU of ${container.name} in ${p.workload} at ${cpu} (limit was ${current ?? 'none'}, request ${container.resources?.requests?.cpu ?? 'none'})`,
      steps: [
        {
          op: 'apply',
          mode: 'patch',
          object: {
            apiVersion: live.apiVersion,
            kind: p.kind,
            metadata: { name: p.workload, namespace: p.namespace },
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: container.name,
                      resources: { ...container.resources, limits: { ...container.resources?.limits, cpu } },
                    },
                  ],
                },
              },
            },
          },
          description: `CPU limit of ${container.name} → ${cpu}`,
        },
      ],
    };
  },
});

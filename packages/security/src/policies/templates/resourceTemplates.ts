import { parseQuantity } from '@opspilot/core';
import { containersOf } from '@opspilot/manifests';
import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';
import { POD_KINDS } from './workloadKinds.js';

const Quantity = z.string().refine((q) => parseQuantity(q) !== undefined, 'not a Kubernetes quantity');

function check(
  obj: Parameters<typeof containersOf>[0],
  section: 'limits' | 'requests',
  max: { cpu?: string; memory?: string },
): string[] {
  return containersOf(obj).flatMap(({ c, name }) =>
    (['cpu', 'memory'] as const).flatMap((res) => {
      const value = c.resources?.[section]?.[res];
      const limit = max[res];
      if (value === undefined)
        return [`container "${name}" has no ${res} ${section === 'limits' ? 'limit' : 'request'}`];
      if (limit !== undefined && (parseQuantity(value) ?? 0) > (parseQuantity(limit) ?? 0))
        return [`container "${name}" ${res} ${section === 'limits' ? 'limit' : 'request'} ${value} is above ${limit}`];
      return [];
    }),
  );
}

/** Gatekeeper `k8scontainerlimits`: cpu and memory limits set and at most the maximums given. */
export const containerLimits = defineTemplate({
  id: 'k8scontainerlimits',
  title: 'Container limits',
  description: 'Containers must set cpu and memory limits, no higher than the given maximums',
  kinds: POD_KINDS,
  parameters: z.object({ cpu: Quantity.optional(), memory: Quantity.optional() }),
  keywords: ['limit', 'limits', 'cpu', 'memory', 'maximum'],
  check: (obj, p) => check(obj, 'limits', p),
});

/** Gatekeeper `k8scontainerrequests`. */
export const containerRequests = defineTemplate({
  id: 'k8scontainerrequests',
  title: 'Container requests',
  description: 'Containers must set cpu and memory requests, no higher than the given maximums',
  kinds: POD_KINDS,
  parameters: z.object({ cpu: Quantity.optional(), memory: Quantity.optional() }),
  keywords: ['request', 'requests', 'cpu', 'memory', 'reserve'],
  check: (obj, p) => check(obj, 'requests', p),
});

/** Gatekeeper `k8scontainerratios`: limit / request at most `ratio` (memory; cpu with `cpuRatio`, default ratio). */
export const containerRatios = defineTemplate({
  id: 'k8scontainerratios',
  title: 'Limit to request ratio',
  description: 'A container limit must be at most `ratio` times its request',
  kinds: POD_KINDS,
  parameters: z.object({ ratio: z.coerce.number().positive(), cpuRatio: z.coerce.number().positive().optional() }),
  keywords: ['ratio', 'times', 'overcommit'],
  check: (obj, p) =>
    containersOf(obj).flatMap(({ c, name }) =>
      (['cpu', 'memory'] as const).flatMap((res) => {
        const limit = parseQuantity(c.resources?.limits?.[res]);
        const request = parseQuantity(c.resources?.requests?.[res]);
        if (limit === undefined || request === undefined || request === 0) return [];
        const max = res === 'cpu' ? (p.cpuRatio ?? p.ratio) : p.ratio;
        const ratio = limit / request;
        return ratio > max
          ? [`container "${name}" ${res} limit is ${Math.round(ratio * 100) / 100}× its request (max ${max}×)`]
          : [];
      }),
    ),
});

/** Gatekeeper `k8srequiredresources`: the named limits and requests are set. */
export const requiredResources = defineTemplate({
  id: 'k8srequiredresources',
  title: 'Required resources',
  description: 'Containers must set the listed limits and requests',
  kinds: POD_KINDS,
  parameters: z.object({
    limits: z.array(z.enum(['cpu', 'memory'])).default([]),
    requests: z.array(z.enum(['cpu', 'memory'])).default([]),
  }),
  keywords: ['resources', 'set', 'specify', 'limit', 'request'],
  check: (obj, p) =>
    containersOf(obj).flatMap(({ c, name }) => [
      ...p.limits
        .filter((r) => c.resources?.limits?.[r] === undefined)
        .map((r) => `container "${name}" has no ${r} limit`),
      ...p.requests
        .filter((r) => c.resources?.requests?.[r] === undefined)
        .map((r) => `container "${name}" has no ${r} request`),
    ]),
});

import { z } from 'zod';
import { badRequest, conflict, StatusError } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';
import { parseLabelSelector } from '../store/selectors.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { deleteObject } from './deleteOperations.js';
import { decodeBody, readBody, sendJson } from './httpIo.js';
import { parseQuery, WriteQuery } from './queryParams.js';

const Binding = z
  .object({ target: z.object({ kind: z.string().optional(), name: z.string().min(1) }).loose() })
  .loose();
const success = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

type Json = Record<string, unknown>;

/**
 * `POST .../pods/{name}/binding`: assigns an unscheduled pod to a node, as a scheduler does. A pod already bound is
 * a 409 Conflict.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/binding-v1/
 */
export async function bindPod(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace } = call.target;
  const name = call.target.name!;
  const parsed = Binding.safeParse(decodeBody(call.req.headers['content-type'], await readBody(call.req)));
  if (!parsed.success) throw badRequest('Binding: target.name: Required value');
  const pod = ctx.store.get(type, namespace, name);
  const node = (pod.spec as Json | undefined)?.nodeName;
  if (node) throw conflict('pods', name, '', `pod ${name} is already assigned to node "${node}"`);
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const next = structuredClone(pod);
  (next.spec as Json).nodeName = parsed.data.target.name;
  delete next.metadata.resourceVersion;
  ctx.store.update(type, next, { dryRun: q.dryRun.length > 0 });
  sendJson(call.res, 201, success);
}

function blockingBudget(ctx: ApiContext, pod: KubeObject): KubeObject | undefined {
  const pdbType = ctx.registry.find('policy', 'v1', 'poddisruptionbudgets');
  if (!pdbType) return undefined;
  return ctx.store.list(pdbType, { namespace: pod.metadata.namespace }).items.find((pdb) => {
    const selector = ((pdb.spec ?? {}) as Json).selector as { matchLabels?: Record<string, string> } | undefined;
    const labels = Object.entries(selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const matches = labels !== '' && parseLabelSelector(labels)(pod.metadata.labels);
    return matches && ((pdb.status ?? {}) as Json).disruptionsAllowed === 0;
  });
}

/**
 * `POST .../pods/{name}/eviction` (what `kubectl drain` sends): deletes the pod unless a PodDisruptionBudget
 * selecting it allows no disruption right now (429, as on a real server).
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
 */
export async function evictPod(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace } = call.target;
  const name = call.target.name!;
  decodeBody(call.req.headers['content-type'], await readBody(call.req));
  const pod = ctx.store.get(type, namespace, name);
  const budget = blockingBudget(ctx, pod);
  if (budget) {
    throw new StatusError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
      causes: [
        {
          reason: 'DisruptionBudget',
          message: `The disruption budget ${budget.metadata.name} needs ${((budget.status ?? {}) as Json).desiredHealthy ?? 1} healthy pods and has ${((budget.status ?? {}) as Json).currentHealthy ?? 0} currently`,
        },
      ],
    });
  }
  const q = parseQuery(WriteQuery, call.url.searchParams);
  deleteObject(ctx.write, type, namespace, name, { dryRun: q.dryRun.length > 0 });
  sendJson(call.res, 201, success);
}

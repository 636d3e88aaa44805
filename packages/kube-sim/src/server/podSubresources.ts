import { z } from 'zod';
import { badRequest, conflict, StatusError } from '../api/statusError.js';
import { evictionVerdict } from '../policy/disruptionBudget.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { deleteObject } from './deleteOperations.js';
import { decodeBody, readBody, sendJson } from './httpIo.js';
import { parseQuery, WriteQuery } from './queryParams.js';

const Binding = z
  .object({ target: z.object({ kind: z.string().optional(), name: z.string().min(1) }).loose() })
  .loose();
const Eviction = z
  .object({
    deleteOptions: z
      .object({
        dryRun: z.array(z.string()).optional(),
        preconditions: z.object({ uid: z.string().optional() }).loose().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
  })
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

/**
 * `POST .../pods/{name}/eviction` (what `kubectl drain` sends): deletes the pod unless the PodDisruptionBudget
 * selecting it allows no disruption right now — read from the budget's status as the disruption controller wrote it,
 * never recounted, as on a real server (see {@link evictionVerdict}): 429 with the budget's numbers, 500 for a pod
 * two budgets select. A granted eviction is charged to the budget (`disruptionsAllowed` one lower, the pod in
 * `disruptedPods`), so a second eviction right after waits for the controller. JSON or protobuf bodies;
 * `deleteOptions.preconditions.uid` and `dryRun` honoured.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
 */
export async function evictPod(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace } = call.target;
  const name = call.target.name!;
  const eviction = Eviction.safeParse(decodeBody(call.req.headers['content-type'], await readBody(call.req)));
  if (!eviction.success) throw badRequest('Eviction: the body is not an Eviction');
  const pod = ctx.store.get(type, namespace, name);
  const options = eviction.data.deleteOptions ?? {};
  const preconditions = options.preconditions;
  if (preconditions?.uid && preconditions.uid !== pod.metadata.uid) {
    throw conflict(
      'pods',
      name,
      '',
      `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${pod.metadata.uid}`,
    );
  }
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const dryRun = q.dryRun.length > 0 || (options.dryRun ?? []).includes('All');
  const pdbType = ctx.registry.find('policy', 'v1', 'poddisruptionbudgets');
  const budgets = pdbType ? ctx.store.list(pdbType, { namespace }).items : [];
  const now = ctx
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const verdict = evictionVerdict(pod, budgets, now);
  if (!verdict.allowed) {
    throw new StatusError(
      verdict.code,
      verdict.reason,
      verdict.message,
      verdict.cause ? { causes: [{ reason: 'DisruptionBudget', message: verdict.cause }] } : undefined,
    );
  }
  if (verdict.budget && pdbType && !dryRun) {
    const charged = structuredClone(verdict.budget);
    delete charged.metadata.resourceVersion;
    ctx.store.update(pdbType, charged, { subresource: 'status' });
  }
  deleteObject(ctx.write, type, namespace, name, { dryRun });
  sendJson(call.res, 201, success);
}

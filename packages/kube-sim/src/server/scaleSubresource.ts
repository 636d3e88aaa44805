import type { ResourceType } from '../api/resourceTypes.js';
import { invalid, StatusError } from '../api/statusError.js';
import { applyJsonPatch, applyMergePatch } from '../patch/index.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { managerOf } from './collectionRequests.js';
import { decodeBody, readBody, sendJson } from './httpIo.js';
import { parseQuery, WriteQuery } from './queryParams.js';
import { formatSelector } from './tables/columns.js';
import { evaluateJsonPath } from './tables/jsonPath.js';
import { recordManager } from './writeOperations.js';

type Json = Record<string, unknown>;

/** Where a kind keeps its replica counts and selector. */
function scalePaths(type: ResourceType): { spec: string; status: string; selector?: string } {
  if (type.scale) {
    return {
      spec: type.scale.specReplicasPath,
      status: type.scale.statusReplicasPath,
      selector: type.scale.labelSelectorPath,
    };
  }
  return { spec: '.spec.replicas', status: '.status.replicas' };
}

function setPath(obj: KubeObject, path: string, value: number): void {
  const parts = path.replace(/^\./, '').split('.');
  let cur = obj as unknown as Json;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== 'object' || cur[part] === null) cur[part] = {};
    cur = cur[part] as Json;
  }
  cur[parts[parts.length - 1]!] = value;
}

/**
 * The `autoscaling/v1` Scale of an object: desired replicas from its spec, observed replicas and the label
 * selector (as a string) from its status.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/autoscaling/scale-v1/
 */
export function scaleOf(type: ResourceType, o: KubeObject): Record<string, unknown> {
  const paths = scalePaths(type);
  const selector = paths.selector
    ? String(evaluateJsonPath(o, paths.selector) ?? '')
    : formatSelector((o.spec as Json | undefined)?.selector).replace('<none>', '');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: Number(evaluateJsonPath(o, paths.spec) ?? 0) },
    status: { replicas: Number(evaluateJsonPath(o, paths.status) ?? 0), selector },
  };
}

function unwrap(result: unknown): unknown {
  const r = result as { ok?: unknown; value?: unknown; error?: { code: number; reason: string; message: string } };
  if (
    r &&
    typeof r === 'object' &&
    typeof r.ok === 'boolean' &&
    Object.keys(r).every((k) => ['ok', 'value', 'error'].includes(k))
  ) {
    if (r.ok) return r.value;
    throw new StatusError(r.error!.code, r.error!.reason, r.error!.message);
  }
  return result;
}

/**
 * The `scale` subresource of deployments, replica sets, stateful sets and custom resources that declare one:
 * GET reads it, PUT and PATCH (merge, strategic or JSON patch) set the desired replicas, with optimistic
 * concurrency on a PUT's resourceVersion and `dryRun`; the writer is recorded as an `Update` manager of
 * `.spec.replicas` with subresource `scale` (so a later server-side apply of other replicas conflicts). Negative or fractional replicas are a 422.
 * @see https://kubernetes.io/docs/tasks/run-application/scale-stateful-set/
 */
export async function scaleRequest(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace } = call.target;
  const name = call.target.name!;
  const live = ctx.store.get(type, namespace, name);
  if (call.method === 'GET') return sendJson(call.res, 200, scaleOf(type, live));
  if (call.method !== 'PUT' && call.method !== 'PATCH') {
    throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const contentType = call.req.headers['content-type'];
  const body = decodeBody(contentType, await readBody(call.req)) as Json;
  let scale: Json = body;
  if (call.method === 'PATCH') {
    const json = (contentType ?? '').startsWith('application/json-patch+json');
    const engine = (json ? applyJsonPatch : applyMergePatch) as unknown as (t: unknown, p: unknown) => unknown;
    scale = unwrap(engine(scaleOf(type, live), body)) as Json;
  }
  const replicas = (scale?.spec as Json | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid(
      'Scale',
      name,
      [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
          field: 'spec.replicas',
        },
      ],
      'autoscaling',
    );
  }
  const next = structuredClone(live);
  setPath(next, scalePaths(type).spec, replicas);
  const rv = (scale.metadata as Json | undefined)?.resourceVersion;
  next.metadata.resourceVersion = call.method === 'PUT' && typeof rv === 'string' && rv ? rv : undefined;
  recordManager(ctx.write, type, live, next, managerOf(call, q.fieldManager), 'scale');
  const updated = ctx.store.update(type, next, { dryRun: q.dryRun.length > 0 });
  sendJson(call.res, 200, scaleOf(type, updated));
}

import { isDeepStrictEqual } from 'node:util';
import { PatchStrategy } from '@kubernetes/client-node';
import { InputError, type KubeObject, NotFoundError, type ObjectRef, type RolloutUndoOptions } from '@opspilot/core';
import { type GatewayContext, namespaceFor, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { requireObject } from './getObject.js';
import { builtinKind, resourcePath } from './kindTable.js';
import { listObjects } from './listObjects.js';
import { view } from './rolloutStatus.js';
import { DeploymentView, ReplicaSetView as ReplicaSetSchema, type ReplicaSetView } from './workloadSchemas.js';

/** The annotation holding a ReplicaSet's (and its Deployment's) revision number. */
export const REVISION = 'deployment.kubernetes.io/revision';

/** Deployment annotations a rollback keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/**
 * `kubectl rollout undo` for a Deployment: finds the ReplicaSet it owns for `toRevision` (the previous revision
 * when missing) by their revision annotations, and JSON-patches the Deployment's pod template and annotations back
 * to it. A paused Deployment or a missing revision is an `InputError`/`NotFoundError`; when the template already
 * matches, nothing is sent and the Deployment is returned as it is.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment
 */
export async function rolloutUndo(
  ctx: GatewayContext,
  ref: ObjectRef,
  options: RolloutUndoOptions = {},
): Promise<KubeObject> {
  if (builtinKind(ref.kind)?.kind !== 'Deployment') {
    throw new InputError(`rollout undo is supported for Deployments, not ${ref.kind}`, {
      hint: 'Roll back a StatefulSet or DaemonSet by applying its previous manifest.',
    });
  }
  const info = await resolveKind(ctx, 'Deployment');
  const namespace = namespaceFor(ctx, info, ref.namespace);
  const object = await requireObject(ctx, { kind: 'Deployment', name: ref.name, namespace }, options);
  const deployment = view(DeploymentView, object, 'Deployment');
  if (deployment.spec.paused) {
    throw new InputError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume'`, {
      hint: `Resume it (\`kubectl rollout resume deployment/${ref.name} -n ${namespace}\`) and try again.`,
    });
  }
  const owned = await ownedReplicaSets(ctx, namespace, deployment, options.signal);
  const target = pickRevision(owned, options.toRevision, ref.name);
  const template = structuredClone(target.spec.template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  delete template.metadata?.labels?.['pod-template-hash'];
  if (isDeepStrictEqual(template, deployment.spec.template)) return object;
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(object.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(target.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  }
  const answer = await send(
    ctx,
    {
      method: 'PATCH',
      path: resourcePath(info, namespace, ref.name),
      query: { dryRun: options.dryRun ? 'All' : undefined },
      body: [
        { op: 'replace', path: '/spec/template', value: template },
        // `add` replaces an existing member and also works when the Deployment has no annotations yet.
        { op: 'add', path: '/metadata/annotations', value: annotations },
      ],
      contentType: PatchStrategy.JsonPatch,
      signal: options.signal,
    },
    { verb: 'patch', info, name: ref.name, namespace },
  );
  return toKubeObject(answer, info);
}

async function ownedReplicaSets(
  ctx: GatewayContext,
  namespace: string | undefined,
  deployment: DeploymentView,
  signal: AbortSignal | undefined,
): Promise<ReplicaSetView[]> {
  const labels = deployment.spec.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const replicaSets = await listObjects(ctx, await resolveKind(ctx, 'ReplicaSet'), {
    namespace,
    labelSelector,
    signal,
  });
  return replicaSets
    .map((rs) => view(ReplicaSetSchema, rs, 'ReplicaSet'))
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === deployment.metadata.uid));
}

/** The ReplicaSet of `toRevision`, or of the highest revision below the current (latest) one. */
export function pickRevision(
  replicaSets: ReplicaSetView[],
  toRevision: number | undefined,
  name: string,
): ReplicaSetView {
  const revisionOf = (rs: ReplicaSetView) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
  if (toRevision !== undefined && toRevision > 0) {
    const found = replicaSets.find((rs) => revisionOf(rs) === toRevision);
    if (found) return found;
    const known = replicaSets.map(revisionOf).sort((a, b) => a - b);
    throw new NotFoundError(`unable to find specified revision ${toRevision} in history`, {
      details: { revisions: known },
      hint: `Pick one of the revisions of deployment "${name}": ${known.join(', ') || 'none'} (\`kubectl rollout history deployment/${name}\`).`,
    });
  }
  const sorted = [...replicaSets].sort((a, b) => revisionOf(b) - revisionOf(a));
  const previous = sorted[1];
  if (!previous) {
    throw new NotFoundError(`no rollout history found for deployment "${name}"`, {
      hint: 'There is no earlier revision to return to: the Deployment has rolled out only once.',
    });
  }
  return previous;
}

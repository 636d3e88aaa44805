import { PatchStrategy } from '@kubernetes/client-node';
import { InputError, type KubeObject, type ObjectRef, type WriteOptions } from '@opspilot/core';
import { type GatewayContext, namespaceFor, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

/**
 * Sets the replicas of a Deployment, ReplicaSet, StatefulSet (or any kind with a `scale` subresource) the way
 * `kubectl scale` does: a merge patch of the `scale` subresource, so RBAC on `<resource>/scale` is enough.
 * Returns the autoscaling/v1 `Scale` the server answers (`spec.replicas` desired, `status.replicas` current).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/#update-replace-scale-of-the-specified-deployment
 */
export async function scaleObject(
  ctx: GatewayContext,
  ref: ObjectRef,
  replicas: number,
  options: WriteOptions = {},
): Promise<KubeObject> {
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new InputError(`replicas must be a whole number of at least 0, got ${replicas}`, {
      hint: 'Pass the number of replicas wanted, e.g. 3.',
    });
  }
  const info = await resolveKind(ctx, ref.kind, ref.apiVersion);
  const namespace = namespaceFor(ctx, info, ref.namespace);
  const answer = await send(
    ctx,
    {
      method: 'PATCH',
      path: `${resourcePath(info, namespace, ref.name)}/scale`,
      query: { dryRun: options.dryRun ? 'All' : undefined },
      body: { spec: { replicas } },
      contentType: PatchStrategy.MergePatch,
      signal: options.signal,
    },
    { verb: 'patch', info, name: ref.name, namespace, subresource: 'scale' },
  );
  return toKubeObject(answer);
}

import { PatchStrategy } from '@kubernetes/client-node';
import { InputError, type KubeObject, type ObjectRef, type WriteOptions } from '@opspilot/core';
import { FIELD_MANAGER } from './applyObject.js';
import { type GatewayContext, namespaceFor, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

/** The pod-template annotation `kubectl rollout restart` stamps with the current time. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/**
 * `kubectl rollout restart`: a strategic merge patch stamping the pod template with {@link RESTARTED_AT} (the
 * gateway clock's time, RFC 3339), so the controller rolls every pod.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_restart/
 */
export async function rolloutRestart(
  ctx: GatewayContext,
  ref: ObjectRef,
  options: WriteOptions = {},
): Promise<KubeObject> {
  const info = await resolveKind(ctx, ref.kind, ref.apiVersion);
  if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(info.kind)) {
    throw new InputError(`rollout restart is not supported for kind ${info.kind}`, {
      hint: 'Use a Deployment, StatefulSet or DaemonSet.',
    });
  }
  const namespace = namespaceFor(ctx, info, ref.namespace);
  const stamp = ctx.clock
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const answer = await send(
    ctx,
    {
      method: 'PATCH',
      path: resourcePath(info, namespace, ref.name),
      query: { dryRun: options.dryRun ? 'All' : undefined, fieldManager: FIELD_MANAGER },
      body: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } },
      contentType: PatchStrategy.StrategicMergePatch,
      signal: options.signal,
    },
    { verb: 'patch', info, name: ref.name, namespace },
  );
  return toKubeObject(answer, info);
}

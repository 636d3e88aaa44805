import { InputError, type ObjectRef, type RolloutStatus, UpstreamError } from '@opspilot/core';
import type { z } from 'zod';
import type { GatewayContext } from './gatewayContext.js';
import { requireObject } from './getObject.js';
import { builtinKind } from './kindTable.js';
import { daemonSetRolloutStatus, deploymentRolloutStatus, statefulSetRolloutStatus } from './rolloutMessages.js';
import { DaemonSetView, DeploymentView, StatefulSetView } from './workloadSchemas.js';

/**
 * One reading of a rollout's progress with `kubectl rollout status`'s logic and messages, for Deployments,
 * StatefulSets and DaemonSets. Callers poll it on the `Clock` port until `done` (or `failed`, or their deadline).
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_status/
 */
export async function rolloutStatus(
  ctx: GatewayContext,
  ref: ObjectRef,
  options: { signal?: AbortSignal } = {},
): Promise<RolloutStatus> {
  const kind = builtinKind(ref.kind)?.kind;
  if (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'DaemonSet') {
    throw new InputError(`rollout status is not supported for kind ${ref.kind}`, {
      hint: 'Use a Deployment, StatefulSet or DaemonSet.',
    });
  }
  const object = await requireObject(ctx, { ...ref, kind }, options);
  if (kind === 'Deployment') return deploymentRolloutStatus(view(DeploymentView, object, kind));
  if (kind === 'StatefulSet') return statefulSetRolloutStatus(view(StatefulSetView, object, kind));
  return daemonSetRolloutStatus(view(DaemonSetView, object, kind));
}

/** Parses the part of a workload a rollout reads; a malformed one is the server's fault. */
export function view<T extends z.ZodType>(schema: T, object: unknown, kind: string): z.infer<T> {
  const parsed = schema.safeParse(object);
  if (parsed.success) return parsed.data;
  throw new UpstreamError(`the API server sent a malformed ${kind}: ${parsed.error.message}`, {
    source: 'kubernetes',
    hint: 'Check the object with `kubectl get -o yaml`; the server may not speak the expected API version.',
  });
}

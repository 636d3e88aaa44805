import { PatchStrategy } from '@kubernetes/client-node';
import type { KubeObject, ObjectRef, PatchOptions } from '@opspilot/core';
import { FIELD_MANAGER } from './applyObject.js';
import { type GatewayContext, namespaceFor, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

const CONTENT_TYPES = {
  strategic: PatchStrategy.StrategicMergePatch,
  merge: PatchStrategy.MergePatch,
  json: PatchStrategy.JsonPatch,
} as const;

/**
 * Patches one object as `kubectl patch` does — strategic merge by default, merge or JSON patch on request — as field
 * manager `opspilot`; `dryRun` runs admission without persisting.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export async function patchObject(
  ctx: GatewayContext,
  ref: ObjectRef,
  patch: unknown,
  options: PatchOptions = {},
): Promise<KubeObject> {
  const info = await resolveKind(ctx, ref.kind, ref.apiVersion);
  const namespace = namespaceFor(ctx, info, ref.namespace);
  const answer = await send(
    ctx,
    {
      method: 'PATCH',
      path: resourcePath(info, namespace, ref.name),
      query: { fieldManager: options.fieldManager ?? FIELD_MANAGER, dryRun: options.dryRun ? 'All' : undefined },
      body: patch,
      contentType: CONTENT_TYPES[options.type ?? 'strategic'],
      signal: options.signal,
    },
    { verb: 'patch', info, name: ref.name, namespace },
  );
  return toKubeObject(answer, info);
}

import { PatchStrategy } from '@kubernetes/client-node';
import { type ApplyOptions, InputError, type KubeObject } from '@opspilot/core';
import { type GatewayContext, namespaceFor, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

/** The field manager opspilot applies as, so `managedFields` show which fields it owns. */
export const FIELD_MANAGER = 'opspilot';

/**
 * Server-side apply of `object` (created when missing) as field manager `opspilot` unless told otherwise; `force`
 * takes over fields other managers own; `dryRun` runs admission without persisting (`dryRun=All`). A
 * `metadata.resourceVersion` in the object is a precondition: a stale one fails with a `ConflictError`.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
 */
export async function applyObject(
  ctx: GatewayContext,
  object: KubeObject,
  options: ApplyOptions = {},
): Promise<KubeObject> {
  const info = await resolveKind(ctx, object.kind, object.apiVersion);
  const name = object.metadata.name;
  if (!name) throw new InputError(`the ${object.kind} to apply has no metadata.name`, { hint: 'Name the object.' });
  const namespace = namespaceFor(ctx, info, object.metadata.namespace);
  const body = applyBody(object, namespace);
  const answer = await send(
    ctx,
    {
      method: 'PATCH',
      path: resourcePath(info, namespace, name),
      query: {
        fieldManager: options.fieldManager ?? FIELD_MANAGER,
        force: options.force ? true : undefined,
        dryRun: options.dryRun ? 'All' : undefined,
      },
      body,
      contentType: PatchStrategy.ServerSideApply,
      signal: options.signal,
    },
    { verb: 'patch', info, name, namespace },
  );
  return toKubeObject(answer, info);
}

/** What is sent: the object without server-owned metadata, in the namespace it is applied to. */
function applyBody(object: KubeObject, namespace: string | undefined): KubeObject {
  const {
    managedFields: _m,
    uid: _u,
    creationTimestamp: _c,
    generation: _g,
    ...metadata
  } = object.metadata as Record<string, unknown>;
  return { ...object, metadata: { ...metadata, name: object.metadata.name, ...(namespace ? { namespace } : {}) } };
}

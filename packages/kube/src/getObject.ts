import { type KubeObject, NotFoundError, type ObjectRef } from '@opspilot/core';
import { type GatewayContext, namespaceFor, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

/** Reads one object; `undefined` when it does not exist (any other failure is thrown, typed). */
export async function getObject(
  ctx: GatewayContext,
  ref: ObjectRef,
  options: { signal?: AbortSignal } = {},
): Promise<KubeObject | undefined> {
  const info = await resolveKind(ctx, ref.kind, ref.apiVersion);
  const namespace = namespaceFor(ctx, info, ref.namespace);
  try {
    const body = await send(
      ctx,
      { method: 'GET', path: resourcePath(info, namespace, ref.name), signal: options.signal },
      { verb: 'get', info, name: ref.name, namespace },
    );
    return toKubeObject(body, info);
  } catch (error) {
    if (error instanceof NotFoundError && error.details?.name === ref.name) return undefined;
    throw error;
  }
}

/** Reads one object that must exist: a missing one is a `NotFoundError` naming kind, name and namespace. */
export async function requireObject(
  ctx: GatewayContext,
  ref: ObjectRef,
  options: { signal?: AbortSignal } = {},
): Promise<KubeObject> {
  const found = await getObject(ctx, ref, options);
  if (found) return found;
  const info = await resolveKind(ctx, ref.kind, ref.apiVersion);
  const namespace = namespaceFor(ctx, info, ref.namespace);
  throw new NotFoundError(`${info.kind} "${ref.name}" not found${namespace ? ` in namespace "${namespace}"` : ''}`, {
    details: { kind: info.kind, name: ref.name, namespace },
    hint: `Check the name with \`kubectl get ${info.plural}${namespace ? ` -n ${namespace}` : ''}\`.`,
  });
}

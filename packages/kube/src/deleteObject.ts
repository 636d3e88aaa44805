import type { DeleteOptions, ObjectRef } from '@opspilot/core';
import { type GatewayContext, namespaceFor, resolveKind, send } from './gatewayContext.js';
import { resourcePath } from './kindTable.js';

/**
 * Deletes one object with the given propagation policy (the server's default, `Background` for most kinds, when
 * missing); `dryRun` checks the deletion without doing it. A missing object is a `NotFoundError`.
 * @see https://kubernetes.io/docs/concepts/architecture/garbage-collection/#cascading-deletion
 */
export async function deleteObject(ctx: GatewayContext, ref: ObjectRef, options: DeleteOptions = {}): Promise<void> {
  const info = await resolveKind(ctx, ref.kind, ref.apiVersion);
  const namespace = namespaceFor(ctx, info, ref.namespace);
  await send(
    ctx,
    {
      method: 'DELETE',
      path: resourcePath(info, namespace, ref.name),
      query: { dryRun: options.dryRun ? 'All' : undefined },
      body: {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        ...(options.propagationPolicy ? { propagationPolicy: options.propagationPolicy } : {}),
        ...(options.dryRun ? { dryRun: ['All'] } : {}),
      },
      signal: options.signal,
    },
    { verb: 'delete', info, name: ref.name, namespace },
  );
}

import {
  type ClusterSnapshot,
  eachLimited,
  type KubeObject,
  NotAllowedError,
  NotFoundError,
  type SnapshotError,
  type SnapshotOptions,
} from '@opspilot/core';
import { type GatewayContext, resolveKind } from './gatewayContext.js';
import { DEFAULT_SNAPSHOT_KINDS } from './kindTable.js';
import { listObjects } from './listObjects.js';

/** Kinds listed at the same time: enough to hide latency, few enough not to crowd the API server. */
export const SNAPSHOT_CONCURRENCY = 8;

/**
 * Lists the snapshot's kinds in parallel (at most {@link SNAPSHOT_CONCURRENCY} at a time). A kind that fails —
 * forbidden by RBAC, not served, or any other error — lands in `errors` and the others still arrive; only an
 * abort of `options.signal` ends the whole snapshot.
 */
export async function takeSnapshot(ctx: GatewayContext, options: SnapshotOptions = {}): Promise<ClusterSnapshot> {
  const kinds = [...new Set(options.kinds ?? DEFAULT_SNAPSHOT_KINDS)];
  const objects: Record<string, KubeObject[]> = {};
  const errors: SnapshotError[] = [];
  let done = 0;
  const listKind = async (kind: string): Promise<void> => {
    try {
      const info = await resolveKind(ctx, kind);
      objects[info.kind] = await listObjects(ctx, info, { namespace: options.namespace, signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      errors.push({ kind, error: shortReason(error) });
    }
    done += 1;
    options.onProgress?.(done, kinds.length, kind);
  };
  await eachLimited(kinds, SNAPSHOT_CONCURRENCY, listKind);
  errors.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return { cluster: ctx.config.cluster, takenAt: ctx.clock.now().toISOString(), objects, errors };
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NotAllowedError) return `forbidden: ${message}`;
  if (error instanceof NotFoundError) return `not found: ${message}`;
  return message;
}

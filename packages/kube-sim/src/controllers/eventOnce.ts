import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';

/**
 * Records an event about `obj` unless the latest one with that reason already says the same, so that a condition
 * seen again on every reconcile pass is not counted again each time.
 */
export function eventOnce(
  ctx: ControllerContext,
  obj: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: string,
): void {
  const name = `${obj.metadata.name}.${reason.toLowerCase()}`;
  const existing = ctx.store.find(ctx.type('Event'), obj.metadata.namespace ?? 'default', name);
  if (existing?.message !== message) ctx.event(obj, type, reason, message, source);
}

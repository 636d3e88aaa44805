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
  if (ctx.lastMessage(obj, reason) !== message) ctx.event(obj, type, reason, message, source);
}

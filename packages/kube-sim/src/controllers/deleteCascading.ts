import type { ResourceType } from '../api/resourceTypes.js';
import { deleteObject } from '../server/deleteOperations.js';
import type { ControllerContext } from './controllerContext.js';

/**
 * Deletes an object and its dependents (Background propagation), as the garbage collector would after a
 * controller deletes an owner — a Job past its TTL, a CronJob's old Jobs.
 * @see https://kubernetes.io/docs/concepts/architecture/garbage-collection/
 */
export function deleteCascading(
  ctx: ControllerContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  const write = {
    store: ctx.store,
    registry: ctx.registry,
    now: () => ctx.clock.now(),
    allocate: {
      clusterIp: (): string => {
        throw new Error('a deletion allocates nothing');
      },
      nodePort: (): number => {
        throw new Error('a deletion allocates nothing');
      },
    },
  };
  if (!ctx.store.find(type, namespace, name)) return;
  deleteObject(write, type, namespace, name, { dryRun: false, propagationPolicy: 'Background' });
}

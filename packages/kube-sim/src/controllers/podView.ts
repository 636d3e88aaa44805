import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ObjectStore } from '../store/objectStore.js';

/**
 * What reading a pod's environment or files needs: the cluster's objects and its clock. An `ApiContext` is one;
 * a controller passes `{ store, registry, now: () => clock.now() }`.
 */
export interface PodView {
  store: ObjectStore;
  registry: ResourceRegistry;
  now(): Date;
}

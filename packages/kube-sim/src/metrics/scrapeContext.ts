import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { AnomalySchedule } from '../behaviour/anomalySchedule.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

/** What series builders read: the cluster state at one moment. */
export interface ScrapeContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  now: Date;
  anomalies: AnomalySchedule;
}

/** All objects of a built-in kind (empty when the simulated cluster does not serve it). */
export function listKind(ctx: ScrapeContext, group: string, version: string, plural: string): KubeObject[] {
  const type = ctx.registry.find(group, version, plural);
  return type ? ctx.store.list(type).items : [];
}

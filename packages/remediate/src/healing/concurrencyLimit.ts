import type { HealingLimits } from './healingPolicy.js';
import { allActions, type HealingStore } from './healingStore.js';

/**
 * Why no further healing action may start now — `max_concurrent` actions already RUNNING across every rule and
 * cluster, or `max_concurrent_per_cluster` on this cluster — or undefined when one may. Actions left waiting for a
 * person do not count: they change nothing until approved.
 */
export async function concurrencyLimit(
  store: HealingStore,
  clusterId: string | undefined,
  limits: Pick<HealingLimits, 'max_concurrent' | 'max_concurrent_per_cluster'>,
): Promise<string | undefined> {
  const running = await allActions(store, { status: 'RUNNING' });
  if (running.length >= limits.max_concurrent) {
    return `concurrency: ${running.length} healing action(s) running in all (at most ${limits.max_concurrent})`;
  }
  const here = running.filter((a) => (a.cluster_id ?? undefined) === clusterId).length;
  if (here >= limits.max_concurrent_per_cluster) {
    return `concurrency: ${here} healing action(s) running on this cluster (at most ${limits.max_concurrent_per_cluster})`;
  }
  return undefined;
}

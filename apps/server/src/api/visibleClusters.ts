import type { Cluster } from '@opspilot/core';
import { NotFoundError } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import { canSeeCluster, type Principal } from '../auth/principal.js';

/** Every cluster the caller may see (admins: all), in the registry's order (newest first). */
export async function visibleClusters(store: Store, principal: Principal): Promise<Cluster[]> {
  const all: Cluster[] = [];
  for (let page = 1; ; page++) {
    const result = await store.clusters.list({}, { page, page_size: 100 });
    all.push(...result.items.filter((c) => canSeeCluster(principal, c.id)));
    if (page >= result.total_pages) break;
  }
  return all;
}

/**
 * The cluster with this id, if the caller may see it. A cluster the caller has no grant for is reported exactly like
 * one that does not exist, so its existence does not leak.
 */
export async function visibleCluster(store: Store, principal: Principal, id: string): Promise<Cluster> {
  const cluster = canSeeCluster(principal, id) ? await store.clusters.find(id) : undefined;
  if (!cluster) {
    throw new NotFoundError(`cluster ${id} not found`, { hint: 'list the clusters to see the ids you have access to' });
  }
  return cluster;
}

/**
 * The cluster a caller names by name or id, if the caller may see it; otherwise a NotFoundError that lists the
 * registered clusters the caller may see (by name), so a mistyped name can be corrected.
 */
export async function namedVisibleCluster(store: Store, principal: Principal, ref: string): Promise<Cluster> {
  const visible = await visibleClusters(store, principal);
  const found = visible.find((c) => c.name === ref || c.id === ref);
  if (found) return found;
  const names = visible.map((c) => c.name).sort();
  throw new NotFoundError(
    `no registered cluster named ${ref}; registered clusters you can see: ${names.length > 0 ? names.join(', ') : 'none'}`,
    {
      hint:
        names.length > 0
          ? `use one of: ${names.join(', ')}`
          : 'ask an administrator to register the cluster or grant you access to it',
    },
  );
}

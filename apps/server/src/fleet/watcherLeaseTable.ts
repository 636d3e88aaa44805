import type { Store } from '@opspilot/store';
import { sql } from 'kysely';

/** Epoch milliseconds by the database's clock, so that the processes' own clocks never decide who owns a lease. */
const dbNow = (store: Store) =>
  store.dialect === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;

/** The `watcher_leases` rows (migration 0008): one per watched cluster, its owner and expiry. */
export interface WatcherLeaseTable {
  /** Extends the leases `owner` still holds among `clusterIds` by `ttlMs`; returns those it still holds. */
  renew(owner: string, clusterIds: string[], ttlMs: number): Promise<string[]>;
  /** Takes the lease of a cluster that has none or whose lease expired; true when `owner` holds it now. */
  acquire(owner: string, clusterId: string, ttlMs: number): Promise<boolean>;
  /** Drops leases of `owner` (all of them, or those given). */
  release(owner: string, clusterIds?: string[]): Promise<void>;
  /** Every cluster's lease holder, live or expired (for diagnostics and tests). */
  holders(): Promise<{ cluster_id: string; owner: string; expires_in_ms: number }[]>;
}

/** Reads and writes `watcher_leases` in one statement each, with expiry by the database's clock. */
export function watcherLeaseTable(store: Store): WatcherLeaseTable {
  const now = dbNow(store);
  return {
    async renew(owner, clusterIds, ttlMs) {
      if (clusterIds.length === 0) return [];
      const { rows } = await sql<{ cluster_id: string }>`
        update watcher_leases set expires_at = ${now} + ${ttlMs}
        where owner = ${owner} and cluster_id in (${sql.join(clusterIds)})
        returning cluster_id`.execute(store.db);
      return rows.map((r) => r.cluster_id);
    },
    async acquire(owner, clusterId, ttlMs) {
      const { rows } = await sql<{ owner: string }>`
        insert into watcher_leases (cluster_id, owner, expires_at) values (${clusterId}, ${owner}, ${now} + ${ttlMs})
        on conflict (cluster_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
        where watcher_leases.expires_at < ${now} or watcher_leases.owner = excluded.owner
        returning owner`.execute(store.db);
      return rows[0]?.owner === owner;
    },
    async release(owner, clusterIds) {
      if (clusterIds?.length === 0) return;
      await sql`delete from watcher_leases where owner = ${owner}${
        clusterIds ? sql` and cluster_id in (${sql.join(clusterIds)})` : sql``
      }`.execute(store.db);
    },
    async holders() {
      const { rows } = await sql<{ cluster_id: string; owner: string; expires_in_ms: number | string }>`
        select cluster_id, owner, expires_at - ${now} as expires_in_ms from watcher_leases order by cluster_id`.execute(
        store.db,
      );
      return rows.map((r) => ({ ...r, expires_in_ms: Number(r.expires_in_ms) }));
    },
  };
}

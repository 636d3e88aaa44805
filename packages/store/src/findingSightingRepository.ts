import { randomUUID } from 'node:crypto';
import { Timestamp } from '@opspilot/core';
import { z } from 'zod';
import type { Db, Row } from './database.js';
import type { Dialect } from './dialect.js';
import { toStoreError } from './storeErrors.js';

/**
 * One cause found by the analyzers on a cluster (migration 0018 `finding_sightings`): its stable identity (class +
 * root object, e.g. `pod-crash-loop:daemonset/kube-system/agent`), when it was first and last seen, and in how many
 * runs. Unique per cluster and identity.
 */
export const StoredFindingSighting = z.object({
  id: z.uuid(),
  cluster_id: z.string().min(1),
  identity: z.string().min(1),
  class: z.string().min(1),
  root_kind: z.string().min(1),
  root_namespace: z.string().nullish(),
  root_name: z.string().min(1),
  first_seen: Timestamp,
  last_seen: Timestamp,
  runs: z.coerce.number().int().min(1),
});
export type StoredFindingSighting = z.infer<typeof StoredFindingSighting>;

/** What one run saw of a cause. */
export const NewFindingSighting = z.object({
  identity: z.string().min(1),
  class: z.string().min(1),
  root_kind: z.string().min(1),
  root_namespace: z.string().optional(),
  root_name: z.string().min(1),
  first_seen: Timestamp,
  last_seen: Timestamp,
});
export type NewFindingSighting = z.input<typeof NewFindingSighting>;

/** Rows per INSERT statement (10 parameters each stays far below both dialects' limits). */
const CHUNK = 200;

/** The sightings of causes per cluster: read before an analysis, recorded after it. */
export interface FindingSightingRepository {
  /** Every sighting of a cluster, oldest first-seen first. */
  list(clusterId: string): Promise<StoredFindingSighting[]>;
  /**
   * Records what a run saw: a new identity is inserted; a known one keeps the earlier first-seen, takes the later
   * last-seen and counts one more run.
   */
  record(clusterId: string, sightings: readonly NewFindingSighting[]): Promise<void>;
}

/** The {@link FindingSightingRepository} over SQLite or PostgreSQL (one upsert per chunk). */
export function createFindingSightingRepository(db: Db, dialect: Dialect): FindingSightingRepository {
  return {
    async list(clusterId) {
      try {
        const rows = await db
          .selectFrom('finding_sightings')
          .selectAll()
          .where('cluster_id', '=', clusterId)
          .orderBy('first_seen')
          .orderBy('identity')
          .execute();
        return rows.map((r) => StoredFindingSighting.parse(r));
      } catch (error) {
        throw toStoreError(error, dialect, 'finding sightings');
      }
    },
    async record(clusterId, sightings) {
      const rows: Row[] = sightings.map((raw) => {
        const s = NewFindingSighting.parse(raw);
        return {
          id: randomUUID(),
          cluster_id: clusterId,
          identity: s.identity,
          class: s.class,
          root_kind: s.root_kind,
          root_namespace: s.root_namespace ?? null,
          root_name: s.root_name,
          first_seen: s.first_seen,
          last_seen: s.last_seen,
          runs: 1,
        };
      });
      try {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await db
            .insertInto('finding_sightings')
            .values(rows.slice(i, i + CHUNK))
            .onConflict((oc) =>
              oc.columns(['cluster_id', 'identity']).doUpdateSet((eb) => ({
                first_seen: eb
                  .case()
                  .when('excluded.first_seen', '<', eb.ref('finding_sightings.first_seen'))
                  .then(eb.ref('excluded.first_seen'))
                  .else(eb.ref('finding_sightings.first_seen'))
                  .end(),
                last_seen: eb
                  .case()
                  .when('excluded.last_seen', '>', eb.ref('finding_sightings.last_seen'))
                  .then(eb.ref('excluded.last_seen'))
                  .else(eb.ref('finding_sightings.last_seen'))
                  .end(),
                runs: eb(eb.ref('finding_sightings.runs'), '+', 1),
              })),
            )
            .execute();
        }
      } catch (error) {
        throw toStoreError(error, dialect, 'finding sightings');
      }
    },
  };
}

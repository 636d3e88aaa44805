import { type Kysely, type Migration, sql } from 'kysely';

/** Natural keys that identify a record to its users, so a second one with the same key is a conflict. */
const UNIQUE_KEYS: [table: string, columns: string[]][] = [
  ['docker_images', ['name', 'tag']],
  ['helm_charts', ['name', 'version']],
  ['deployment_tasks', ['task_key']],
  ['runbooks', ['name']],
  ['security_policies', ['name']],
  ['budget_alerts', ['name']],
  ['doc_templates', ['name']],
  ['healing_rules', ['name']],
  ['healing_patterns', ['signature']],
];

const indexName = (table: string, columns: string[]) => `${table}_${columns.join('_')}_unique`;

/**
 * Migration 0002: unique natural keys (an image name and tag, a chart name and version, a runbook or rule name, an
 * alert's fingerprint on its cluster, …), so creating a duplicate fails with a ConflictError instead of silently
 * storing two. Same on both dialects.
 */
export const m0002UniqueNames: Migration = {
  async up(db: Kysely<unknown>) {
    for (const [table, columns] of UNIQUE_KEYS) {
      await db.schema.createIndex(indexName(table, columns)).on(table).columns(columns).unique().execute();
    }
    // An alert is one row per fingerprint and cluster; "no cluster" counts as one cluster (NULLs are distinct).
    await db.schema
      .createIndex('alerts_cluster_fingerprint_unique')
      .on('alerts')
      .expression(sql`coalesce(cluster_id, ''), fingerprint`)
      .unique()
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('alerts_cluster_fingerprint_unique').execute();
    for (const [table, columns] of UNIQUE_KEYS) await db.schema.dropIndex(indexName(table, columns)).execute();
  },
};

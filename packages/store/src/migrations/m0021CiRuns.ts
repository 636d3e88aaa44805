import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0021: run tracking. `ci_runs` holds the runs CI webhooks report (unique by `run_key`, updated by later
 * deliveries); `webhook_deliveries` the delivery ids already accepted (idempotency); `webhook_secrets` each CI
 * source's shared secret, sealed with the store's key like cluster credentials; `deployment_records` the rollouts of
 * new images seen on clusters, linked to the run that built them. Additive; both dialects.
 */
export function m0021CiRuns(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'ci_runs',
        [
          ['id', 'text', true],
          ['provider', 'text', true],
          ['kind', 'text', true],
          ['run_key', 'text', true],
          ['external_id', 'text', true],
          ['repository', 'text', true],
          ['pipeline', 'text', true],
          ['status', 'text', true],
          ['conclusion', 'text'],
          ['commit_sha', 'text'],
          ['commit_message', 'text'],
          ['commit_at', 'text'],
          ['ref', 'text'],
          ['tag', 'bool', true],
          ['author', 'text'],
          ['trigger', 'text', true],
          ['url', 'text'],
          ['stages', 'json', true],
          ['parent_key', 'text'],
          ['started_at', 'text'],
          ['finished_at', 'text'],
          ['duration_ms', 'int'],
          ['created_at', 'text', true],
          ['updated_at', 'text', true],
        ],
        'id',
        [],
      );
      await db.schema.createIndex('ci_runs_run_key').unique().on('ci_runs').column('run_key').execute();
      await db.schema.createIndex('ci_runs_commit').on('ci_runs').column('commit_sha').execute();
      await createTable(
        db,
        dialect,
        'webhook_deliveries',
        [
          ['id', 'text', true],
          ['provider', 'text', true],
          ['event', 'text', true],
          ['run_id', 'text'],
          ['created_at', 'text', true],
        ],
        'id',
        [],
      );
      await createTable(
        db,
        dialect,
        'webhook_secrets',
        [
          ['id', 'text', true],
          ['provider', 'text', true],
          ['name', 'text', true],
          ['sealed_secret', 'text', true],
          ['created_by', 'text', true],
          ['created_at', 'text', true],
          ['updated_at', 'text', true],
        ],
        'id',
        [],
      );
      await db.schema
        .createIndex('webhook_secrets_source')
        .unique()
        .on('webhook_secrets')
        .columns(['provider', 'name'])
        .execute();
      await createTable(
        db,
        dialect,
        'deployment_records',
        [
          ['id', 'text', true],
          ['cluster_id', 'text', true],
          ['namespace', 'text', true],
          ['workload_kind', 'text', true],
          ['workload', 'text', true],
          ['service', 'text', true],
          ['images', 'json', true],
          ['image_tag', 'text'],
          ['commit_sha', 'text'],
          ['chart', 'text'],
          ['revision', 'text'],
          ['rollback', 'bool', true],
          ['run_id', 'text'],
          ['link', 'text'],
          ['deployed_at', 'text', true],
          ['created_at', 'text', true],
        ],
        'id',
        [{ table: 'deployment_records', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('deployment_records_workload')
        .on('deployment_records')
        .columns(['cluster_id', 'namespace', 'workload', 'deployed_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('deployment_records').execute();
      await db.schema.dropTable('webhook_secrets').execute();
      await db.schema.dropTable('webhook_deliveries').execute();
      await db.schema.dropTable('ci_runs').execute();
    },
  };
}

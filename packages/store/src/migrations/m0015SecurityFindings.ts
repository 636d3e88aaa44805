import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0015: the security guardian's findings, one row per finding of a posture scan (severity, object,
 * evidence, fix), so findings can be listed and filtered across scans and their trend followed. Additive; same on
 * both dialects.
 */
export function m0015SecurityFindings(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'security_findings',
        [
          ['id', 'text', true],
          ['scan_id', 'text', true],
          ['cluster_id', 'text'],
          ['finding_key', 'text', true],
          ['check_id', 'text', true],
          ['category', 'text', true],
          ['severity', 'text', true],
          ['object_kind', 'text', true],
          ['object_namespace', 'text'],
          ['object_name', 'text', true],
          ['message', 'text', true],
          ['evidence', 'json', true],
          ['fix', 'text', true],
          ['pss_control', 'text'],
          ['pss_level', 'text'],
          ['created_at', 'text', true],
        ],
        'id',
        [{ table: 'security_findings', column: 'scan_id', references: 'security_scans', onDelete: 'cascade' }],
      );
      await db.schema.createIndex('security_findings_scan').on('security_findings').column('scan_id').execute();
      await db.schema
        .createIndex('security_findings_cluster_severity')
        .on('security_findings')
        .columns(['cluster_id', 'severity'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('security_findings').execute();
    },
  };
}

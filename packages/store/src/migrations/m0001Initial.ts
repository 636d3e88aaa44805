import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { INITIAL_TABLES } from './initialTables.js';
import { columnType, createTable, type ForeignKeySpec } from './tableSpec.js';

const PRIMARY_KEYS: Record<string, string> = { cluster_credentials: 'cluster_id', reviews: 'review_id' };

const FOREIGN_KEYS: ForeignKeySpec[] = [
  { table: 'cluster_credentials', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' },
  { table: 'ai_commands', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'generated_configs', column: 'ai_command_id', references: 'ai_commands', onDelete: 'set null' },
  { table: 'reviews', column: 'generated_config_id', references: 'generated_configs', onDelete: 'cascade' },
  { table: 'kubernetes_resources', column: 'helm_chart_id', references: 'helm_charts', onDelete: 'set null' },
  { table: 'alerts', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' },
  { table: 'chat_messages', column: 'session_id', references: 'chat_sessions', onDelete: 'cascade' },
  { table: 'anomalies', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' },
  { table: 'incidents', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'incident_actions', column: 'incident_id', references: 'incidents', onDelete: 'cascade' },
  { table: 'runbook_executions', column: 'runbook_id', references: 'runbooks', onDelete: 'cascade' },
  { table: 'runbook_executions', column: 'incident_id', references: 'incidents', onDelete: 'set null' },
  { table: 'security_scans', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'vulnerabilities', column: 'scan_id', references: 'security_scans', onDelete: 'cascade' },
  { table: 'compliance_reports', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'cost_records', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'cost_recommendations', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'resource_utilization', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'pipeline_runs', column: 'pipeline_id', references: 'pipelines', onDelete: 'cascade' },
  { table: 'pipeline_optimizations', column: 'pipeline_id', references: 'pipelines', onDelete: 'cascade' },
  { table: 'test_intelligence', column: 'pipeline_id', references: 'pipelines', onDelete: 'set null' },
  { table: 'generated_docs', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'generated_docs', column: 'template_id', references: 'doc_templates', onDelete: 'set null' },
  { table: 'architecture_snapshots', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' },
  { table: 'healing_rules', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
  { table: 'healing_actions', column: 'rule_id', references: 'healing_rules', onDelete: 'cascade' },
  { table: 'healing_actions', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
];

/** Tables must be created after the tables they reference. */
const CREATION_ORDER = [
  'clusters',
  'ai_commands',
  'generated_configs',
  'helm_charts',
  'chat_sessions',
  'incidents',
  'runbooks',
  'security_scans',
  'pipelines',
  'doc_templates',
  'healing_rules',
  ...Object.keys(INITIAL_TABLES),
].filter((t, i, all) => all.indexOf(t) === i);

const INDEXED_COLUMNS = [
  'cluster_id',
  'status',
  'state',
  'created_at',
  'session_id',
  'incident_id',
  'runbook_id',
  'scan_id',
  'pipeline_id',
  'rule_id',
  'generated_config_id',
];

/** Creates the audit log table and the triggers that refuse UPDATE, DELETE and TRUNCATE on it. */
async function createAuditLog(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('sequence', columnType(dialect, 'int'), (c) => c.primaryKey())
    .addColumn('interaction_id', 'text', (c) => c.notNull().unique())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('ai_tool', 'text', (c) => c.notNull())
    .addColumn('input_prompt', 'text', (c) => c.notNull())
    .addColumn('output_generated', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('cluster_id', 'text')
    .addColumn('details', columnType(dialect, 'json'), (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['user_id', 'action', 'cluster_id', 'timestamp']) {
    await db.schema.createIndex(`audit_log_${column}_idx`).on('audit_log').column(column).execute();
  }
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log ` +
            `BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: ${op} refused'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()',
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()',
    )
    .execute(db);
}

/** The first migration: every entity table, their keys and indexes, and the append-only audit log. */
export function m0001Initial(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of CREATION_ORDER) {
        const columns = INITIAL_TABLES[table]!;
        await createTable(db, dialect, table, columns, PRIMARY_KEYS[table] ?? 'id', FOREIGN_KEYS);
        for (const [column] of columns) {
          if (INDEXED_COLUMNS.includes(column) && column !== PRIMARY_KEYS[table]) {
            await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
          }
        }
      }
      await db.schema.createIndex('clusters_name_unique').on('clusters').column('name').unique().execute();
      await createAuditLog(db, dialect);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_log').execute();
      if (dialect === 'postgres') await sql.raw('DROP FUNCTION IF EXISTS audit_log_append_only()').execute(db);
      for (const table of [...CREATION_ORDER].reverse()) await db.schema.dropTable(table).execute();
    },
  };
}

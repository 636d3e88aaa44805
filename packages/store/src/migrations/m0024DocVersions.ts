import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0024: versions of generated documents. Each regeneration of a `generated_docs` row keeps the content
 * it replaced in `generated_doc_versions`, unique per document and version, so any version can be read and
 * exported. Additive; same on both dialects.
 */
export function m0024DocVersions(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'generated_doc_versions',
        [
          ['id', 'text', true],
          ['doc_id', 'text', true],
          ['version', 'int', true],
          ['title', 'text', true],
          ['content', 'text', true],
          ['source_refs', 'json', true],
          ['created_at', 'text', true],
        ],
        'id',
        [{ table: 'generated_doc_versions', column: 'doc_id', references: 'generated_docs', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('generated_doc_versions_once')
        .on('generated_doc_versions')
        .columns(['doc_id', 'version'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('generated_doc_versions').execute();
    },
  };
}

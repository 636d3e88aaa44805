import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0017: chat's additions. `chat_mcp_servers` lists the external MCP servers an organisation mounts into
 * chat (a stdio command or an HTTP URL, and the tools allowed), unique by name. Additive; same on both dialects.
 */
export function m0017ChatMcpServers(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'chat_mcp_servers',
        [
          ['id', 'text', true],
          ['name', 'text', true],
          ['command', 'text', false],
          ['args', 'json', true],
          ['env', 'json', true],
          ['url', 'text', false],
          ['headers', 'json', true],
          ['allow', 'json', true],
          ['enabled', 'bool', true],
          ['created_by', 'text', true],
          ['created_at', 'text', true],
        ],
        'id',
        [],
      );
      await db.schema
        .createIndex('chat_mcp_servers_name_unique')
        .on('chat_mcp_servers')
        .column('name')
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('chat_mcp_servers').execute();
    },
  };
}

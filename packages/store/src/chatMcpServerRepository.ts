import { Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';
import type { EntitySpec } from './repository.js';

const serverFields = {
  /** Prefix of the mounted tools' names (`github` → `github__search_issues`), unique. */
  name: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
  /** A stdio server: the command and its arguments. */
  command: z.string().min(1).optional(),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  /** A Streamable HTTP server: its URL and headers (e.g. Authorization). */
  url: z.string().url().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  /** Tool names chat may call (`*` for all). */
  allow: z.array(z.string().min(1)).default([]),
  enabled: z.boolean().default(true),
  created_by: z.string().min(1),
};

/** An external MCP server the organisation mounts into chat (migration 0017 `chat_mcp_servers`). */
export const StoredMcpServer = z.object({ id: Uuid, ...serverFields, created_at: Timestamp });
export type StoredMcpServer = z.infer<typeof StoredMcpServer>;

/** What an administrator supplies to add one. */
export const NewStoredMcpServer = z.object(serverFields);
export type NewStoredMcpServer = z.input<typeof NewStoredMcpServer>;

/** The generic-repository mapping of `chat_mcp_servers`. */
export const MCP_SERVER_SPEC: EntitySpec<StoredMcpServer, NewStoredMcpServer> = {
  table: 'chat_mcp_servers',
  noun: 'MCP server',
  schema: StoredMcpServer,
  newSchema: NewStoredMcpServer,
  stamps: ['created_at'],
  orderBy: 'name',
};

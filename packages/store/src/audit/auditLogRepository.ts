import { randomUUID } from 'node:crypto';
import {
  type AuditChainReport,
  type AuditFilter,
  type AuditLog,
  AuditTrailEntry,
  GENESIS_HASH,
  NewAuditTrailEntry,
  type Paginated,
  PaginationParams,
  toPage,
} from '@opspilot/core';
import { sql } from 'kysely';
import type { Db, Row } from '../database.js';
import type { Dialect } from '../dialect.js';
import { applyFilter, type Filter } from '../listFilter.js';
import { parseInput } from '../parseInput.js';
import { rowCodec } from '../rowMapping.js';
import { toStoreError } from '../storeErrors.js';
import { auditEntryHash } from './auditHash.js';
import { findChainBreak } from './findChainBreak.js';

const PAGE = 1000;

/**
 * The append-only, hash-chained audit log over the `audit_log` table (the {@link AuditLog} port). Appends are
 * serialised — PostgreSQL: `pg_advisory_xact_lock` inside the append's transaction; SQLite: the transaction itself, on
 * the store's single connection — and `sequence` is the primary key, so the chain can never fork.
 */
export function createAuditLog(
  db: Db,
  dialect: Dialect,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
): AuditLog {
  const codec = rowCodec(AuditTrailEntry, dialect);
  const parse = (row: Row) => AuditTrailEntry.parse(codec.fromRow({ ...row, sequence: Number(row.sequence) }));

  return {
    async append(input) {
      const fields = parseInput(NewAuditTrailEntry, input, 'audit entry');
      try {
        return await inTransaction(async (tx) => {
          // Serialise appends so two writers can never chain to the same predecessor.
          if (dialect === 'postgres')
            await sql`select pg_advisory_xact_lock(hashtext('opspilot.audit_log'))`.execute(tx);
          const last = await tx
            .selectFrom('audit_log')
            .select(['sequence', 'hash'])
            .orderBy('sequence', 'desc')
            .limit(1)
            .executeTakeFirst();
          const content = {
            ...fields,
            interaction_id: randomUUID(),
            sequence: last ? Number(last.sequence) + 1 : 1,
            timestamp: fields.timestamp ?? new Date().toISOString(),
            prev_hash: last ? String(last.hash) : GENESIS_HASH,
          };
          const entry = AuditTrailEntry.parse({ ...content, hash: auditEntryHash(content) });
          await tx.insertInto('audit_log').values(codec.toRow(entry)).execute();
          return entry;
        });
      } catch (error) {
        throw toStoreError(error, dialect, 'audit entry');
      }
    },

    async list(filter: AuditFilter, page: Partial<PaginationParams> = {}): Promise<Paginated<AuditTrailEntry>> {
      const params = parseInput(PaginationParams, page, 'page request');
      const query = applyFilter(db.selectFrom('audit_log'), { ...filter } as Filter, codec, 'audit');
      try {
        const { total } = await query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
        const rows = await query
          .selectAll()
          .orderBy('sequence', 'desc')
          .limit(params.page_size)
          .offset((params.page - 1) * params.page_size)
          .execute();
        return toPage(rows.map(parse), Number(total), params);
      } catch (error) {
        throw toStoreError(error, dialect, 'audit log');
      }
    },

    async verify(): Promise<AuditChainReport> {
      const entries: AuditTrailEntry[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .orderBy('sequence')
          .limit(PAGE)
          .offset(offset)
          .execute();
        for (const row of rows) {
          const parsed = AuditTrailEntry.safeParse(codec.fromRow({ ...row, sequence: Number(row.sequence) }));
          if (!parsed.success) {
            const sequence = Number(row.sequence);
            return {
              ok: false,
              checked: entries.length + 1,
              firstBad: {
                sequence,
                problem: 'EDITED',
                message: `entry #${sequence} is malformed: ${parsed.error.issues[0]?.message}`,
              },
            };
          }
          entries.push(parsed.data);
        }
        if (rows.length < PAGE) break;
      }
      return findChainBreak(entries);
    },
  };
}

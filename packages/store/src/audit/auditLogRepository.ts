import { randomUUID } from 'node:crypto';
import {
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
import type { StoreLogger } from '../storeLogger.js';
import type { AuditCheckpoint, AuditHead } from './auditCheckpoint.js';
import { auditEntryHash } from './auditHash.js';
import { type AuditVerifyReport, compareWithCheckpoint } from './compareWithCheckpoint.js';
import { findChainBreak } from './findChainBreak.js';
import { readAuditEntries } from './readAuditEntries.js';

/** An audit log whose `verify` also says what the checkpoint showed. */
export interface AuditLogRepository extends AuditLog {
  verify(): Promise<AuditVerifyReport>;
}

/** Where the log's head is anchored outside the database, and when an append counts as done. */
export interface AuditAnchor {
  checkpoint?: AuditCheckpoint;
  /** Runs `fn` once the append is committed: at once, or after the transaction the store is bound to. */
  afterCommit(fn: () => void): void;
  logger?: StoreLogger;
}

/** How often (in entries) the head is also written to the log as an `audit.checkpoint` line. */
const LOG_EVERY = 100;

function anchorHead(anchor: AuditAnchor, head: AuditHead): void {
  try {
    anchor.checkpoint?.advance(head);
  } catch (error) {
    anchor.logger?.warn({ err: error, file: anchor.checkpoint?.file }, 'the audit checkpoint could not be written');
  }
  if (head.sequence % LOG_EVERY === 0) {
    anchor.logger?.info({ sequence: head.sequence, hash: head.hash }, 'audit.checkpoint');
  }
}

/**
 * The append-only, hash-chained audit log over the `audit_log` table (the {@link AuditLog} port). Appends are
 * serialised — PostgreSQL: `pg_advisory_xact_lock` inside the append's transaction; SQLite: the transaction itself, on
 * the store's single connection — and `sequence` is the primary key, so the chain can never fork.
 */
export function createAuditLog(
  db: Db,
  dialect: Dialect,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
  anchor: AuditAnchor = { afterCommit: (fn) => fn() },
): AuditLogRepository {
  const codec = rowCodec(AuditTrailEntry, dialect);
  const parse = (row: Row) => AuditTrailEntry.parse(codec.fromRow({ ...row, sequence: Number(row.sequence) }));

  return {
    async append(input) {
      const fields = parseInput(NewAuditTrailEntry, input, 'audit entry');
      try {
        const appended = await inTransaction(async (tx) => {
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
        anchor.afterCommit(() => anchorHead(anchor, appended));
        return appended;
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

    async verify(): Promise<AuditVerifyReport> {
      // The checkpoint first: an entry appended while the log is read then only makes the log longer than it.
      const reading = anchor.checkpoint?.read() ?? { state: 'missing' as const };
      const read = await readAuditEntries(db, codec);
      if (!read.ok) return compareWithCheckpoint(read.report, [], reading);
      return compareWithCheckpoint(findChainBreak(read.entries), read.entries, reading);
    },
  };
}

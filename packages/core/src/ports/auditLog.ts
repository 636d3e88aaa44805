import { z } from 'zod';
import type { Paginated, PaginationParams } from '../models/pagination.js';
import type { AuditTrailEntry, NewAuditTrailEntry } from '../models/seed000/index.js';

/**
 * How an audit chain was found broken: an entry's content no longer matches its hash (`EDITED`), an entry was
 * slipped between two chained ones (`INSERTED`), one is missing (`DELETED`), or one is chained to a later one
 * (`REORDERED`).
 */
export const AuditProblem = z.enum(['EDITED', 'INSERTED', 'DELETED', 'REORDERED']);
export type AuditProblem = z.infer<typeof AuditProblem>;

/**
 * What {@link AuditLog.verify} found: `ok`, how many entries were checked, and — exactly when not ok — the first
 * bad entry. Returned by `opspilot audit verify` and the HTTP API, so it is a schema.
 */
export const AuditChainReport = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().min(0),
    firstBad: z.object({ sequence: z.number().int(), problem: AuditProblem, message: z.string() }).optional(),
  })
  .refine((r) => r.ok === (r.firstBad === undefined), {
    message: 'a broken chain names its first bad entry, an intact one names none',
    path: ['firstBad'],
  });
export type AuditChainReport = z.infer<typeof AuditChainReport>;

/** Filters of {@link AuditLog.list}: exact matches on {@link AuditTrailEntry} fields; missing means any. */
export interface AuditFilter {
  sequence?: number;
  user_id?: string;
  action?: string;
  cluster_id?: string;
  target?: string;
}

/**
 * The append-only, hash-chained audit log (seed 000 "Audit Trail"): every request, every model output, every
 * approval and every change is appended, never edited, so `verify` can prove nothing was tampered with.
 * Implemented over SQLite/PostgreSQL by `@opspilot/store`.
 */
export interface AuditLog {
  /** Appends one entry; the log assigns its id, sequence and hashes. */
  append(entry: NewAuditTrailEntry): Promise<AuditTrailEntry>;
  /** Newest first. */
  list(filter: AuditFilter, page?: Partial<PaginationParams>): Promise<Paginated<AuditTrailEntry>>;
  /** Re-computes the whole chain and reports the first break. */
  verify(): Promise<AuditChainReport>;
}

import { z } from 'zod';
import type { Paginated, PaginationParams } from '../models/pagination.js';
import type { AuditTrailEntry, NewAuditTrailEntry } from '../models/seed000/auditTrailEntry.js';

/** How an audit chain was found broken. */
export const AuditProblem = z.enum(['EDITED', 'INSERTED', 'DELETED', 'REORDERED']);
export type AuditProblem = z.infer<typeof AuditProblem>;

/** Result of verifying the audit chain: `ok`, how many entries were checked, and the first bad entry. */
export const AuditChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int().min(0),
  firstBad: z.object({ sequence: z.number().int(), problem: AuditProblem, message: z.string() }).optional(),
});
export type AuditChainReport = z.infer<typeof AuditChainReport>;

/** Filters of {@link AuditLog.list}. */
export interface AuditFilter {
  user_id?: string;
  action?: string;
  cluster_id?: string;
  target?: string;
}

/**
 * The append-only, hash-chained audit log: every interaction and every change is appended, never edited.
 */
export interface AuditLog {
  append(entry: NewAuditTrailEntry): Promise<AuditTrailEntry>;
  list(filter: AuditFilter, page?: Partial<PaginationParams>): Promise<Paginated<AuditTrailEntry>>;
  verify(): Promise<AuditChainReport>;
}

import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/** Outcome recorded in the audit trail (seed 000 `status`). */
export const AuditStatus = z.enum(['SUCCESS', 'ERROR', 'PARTIAL_SUCCESS']);
export type AuditStatus = z.infer<typeof AuditStatus>;

/** The `prev_hash` of the first entry of an audit chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters (SHA-256)');

/**
 * One entry of the tamper-evident audit log (seed 000 "Audit Trail"): who asked what, what was produced, what changed.
 * Entries form a hash chain: `hash` covers the entry's content including `sequence` and `prev_hash`, so an edited,
 * inserted or deleted entry breaks the chain.
 */
export const AuditTrailEntry = z.object({
  interaction_id: Uuid,
  sequence: z.number().int().min(1),
  timestamp: Timestamp,
  ai_tool: z.string().min(1),
  input_prompt: z.string(),
  output_generated: z.string(),
  user_id: z.string().min(1),
  status: AuditStatus,
  action: z.string().min(1),
  target: z.string().optional(),
  cluster_id: Uuid.optional(),
  details: JsonObject.default({}),
  prev_hash: Sha256Hex,
  hash: Sha256Hex,
});
export type AuditTrailEntry = z.infer<typeof AuditTrailEntry>;

/** What a caller supplies to append to the audit log; the log assigns id, sequence and hashes. */
export const NewAuditTrailEntry = AuditTrailEntry.omit({
  interaction_id: true,
  sequence: true,
  prev_hash: true,
  hash: true,
}).extend({
  timestamp: Timestamp.optional(),
  ai_tool: z.string().min(1).default('none'),
  input_prompt: z.string().default(''),
  output_generated: z.string().default(''),
  status: AuditStatus.default('SUCCESS'),
});
export type NewAuditTrailEntry = z.input<typeof NewAuditTrailEntry>;

import { createHash } from 'node:crypto';
import type { AuditTrailEntry } from '@opspilot/core';

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of an audit entry: SHA-256 over the canonical JSON of every field but `hash` itself — including
 * `sequence` and `prev_hash`, which is what chains the entries.
 */
export function auditEntryHash(entry: Omit<AuditTrailEntry, 'hash'>): string {
  const content = {
    sequence: entry.sequence,
    interaction_id: entry.interaction_id,
    timestamp: entry.timestamp,
    ai_tool: entry.ai_tool,
    input_prompt: entry.input_prompt,
    output_generated: entry.output_generated,
    user_id: entry.user_id,
    status: entry.status,
    action: entry.action,
    target: entry.target ?? null,
    cluster_id: entry.cluster_id ?? null,
    details: entry.details,
    prev_hash: entry.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

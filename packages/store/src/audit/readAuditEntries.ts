import { type AuditChainReport, AuditTrailEntry } from '@opspilot/core';
import type { Db, Row } from '../database.js';
import type { RowCodec } from '../rowMapping.js';

const PAGE = 1000;

/** Every entry of the log in sequence order, or the report naming the first row that is not an entry at all. */
export type AuditEntriesRead =
  | { ok: true; entries: AuditTrailEntry[] }
  | { ok: false; report: AuditChainReport & { ok: false } };

function decode(codec: RowCodec<AuditTrailEntry>, row: Row): AuditTrailEntry | string {
  try {
    const parsed = AuditTrailEntry.safeParse(codec.fromRow({ ...row, sequence: Number(row.sequence) }));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'the row'}: ${issue?.message}`;
  } catch (error) {
    // e.g. a JSON column that no longer holds JSON.
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads the whole log, a page at a time, for `verify`. A row that no longer decodes into an entry — JSON that does
 * not parse, a field of the wrong type, a NULL hash — is tampering at its sequence, reported, never thrown.
 */
export async function readAuditEntries(db: Db, codec: RowCodec<AuditTrailEntry>): Promise<AuditEntriesRead> {
  const entries: AuditTrailEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('sequence').limit(PAGE).offset(offset).execute();
    for (const row of rows) {
      const entry = decode(codec, row);
      if (typeof entry === 'string') {
        const stored = Number(row.sequence);
        const sequence = Number.isSafeInteger(stored) ? stored : (entries.at(-1)?.sequence ?? 0) + 1;
        return {
          ok: false,
          report: {
            ok: false,
            checked: entries.length + 1,
            firstBad: {
              sequence,
              problem: 'EDITED',
              message: `tampering: entry #${sequence} is corrupt (${entry})`,
            },
          },
        };
      }
      entries.push(entry);
    }
    if (rows.length < PAGE) return { ok: true, entries };
  }
}

import { type AuditChainReport, type AuditTrailEntry, GENESIS_HASH } from '@opspilot/core';
import { auditEntryHash } from './auditHash.js';

/**
 * Walks audit entries in sequence order and names the FIRST place the chain breaks:
 * - DELETED: a sequence number is missing, or an entry's `prev_hash` matches no entry (one was removed and the rest
 *   renumbered);
 * - INSERTED: an entry sits between two entries that were chained to each other;
 * - REORDERED: an entry is chained to an entry that comes after it;
 * - EDITED: an entry's content no longer matches its own hash.
 */
export function findChainBreak(entries: AuditTrailEntry[]): AuditChainReport {
  const positionOfHash = new Map(entries.map((e, i) => [e.hash, i]));
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const expected = i + 1;
    const bad = (problem: NonNullable<AuditChainReport['firstBad']>['problem'], sequence: number, message: string) => ({
      ok: false,
      checked: i + 1,
      firstBad: { sequence, problem, message },
    });
    if (entry.sequence > expected) {
      return bad('DELETED', expected, `entry #${expected} is missing: the chain jumps to #${entry.sequence}`);
    }
    if (entry.sequence < expected) {
      return bad('INSERTED', entry.sequence, `entry #${entry.sequence} appears twice`);
    }
    if (entry.prev_hash !== prevHash) {
      const previous = entries[i - 1];
      const linkedTo = positionOfHash.get(entry.prev_hash);
      if (previous && entry.prev_hash === previous.prev_hash) {
        return bad(
          'INSERTED',
          previous.sequence,
          `entry #${previous.sequence} was inserted: #${entry.sequence} is chained to the entry before it`,
        );
      }
      if (linkedTo !== undefined && linkedTo > i) {
        return bad(
          'REORDERED',
          entry.sequence,
          `entry #${entry.sequence} is chained to #${entries[linkedTo]!.sequence}, which comes after it`,
        );
      }
      return bad(
        'DELETED',
        entry.sequence,
        `an entry before #${entry.sequence} is missing or was rewritten: its prev_hash matches no entry`,
      );
    }
    const { hash, ...content } = entry;
    if (auditEntryHash(content) !== hash) {
      return bad(
        'EDITED',
        entry.sequence,
        `entry #${entry.sequence} was edited: its content no longer matches its hash`,
      );
    }
    prevHash = hash;
  }
  return { ok: true, checked: entries.length };
}

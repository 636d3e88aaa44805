import { type AuditChainReport, type AuditProblem, type AuditTrailEntry, GENESIS_HASH } from '@opspilot/core';
import { auditEntryHash } from './auditHash.js';

const selfHash = ({ hash: _hash, ...content }: AuditTrailEntry) => auditEntryHash(content);

/**
 * Walks audit entries (sorted by `sequence`) and names the FIRST place the chain breaks:
 * - EDITED: an entry's content no longer matches its hash; or its `prev_hash` field was changed; or it was rewritten
 *   with a recomputed hash, which the intact entry after it exposes (it is chained to the old hash);
 * - DELETED: a sequence number is missing; or an entry is chained to a hash no entry has, and was renumbered to close
 *   the gap (its own hash no longer matches);
 * - INSERTED: two entries are chained to the same predecessor (a fork) — the extra one is the branch the rest of the
 *   chain does not continue from, even when its own hash is correct; or a sequence number appears twice;
 * - REORDERED: an entry is chained to an entry that comes after it.
 * What a chain alone cannot show: entries appended or removed at its end; anchor the latest hash elsewhere for that.
 */
export function findChainBreak(entries: readonly AuditTrailEntry[]): AuditChainReport {
  const indexOfHash = new Map<string, number>();
  const linkedFrom = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    if (!indexOfHash.has(entry.hash)) indexOfHash.set(entry.hash, i);
    linkedFrom.set(entry.prev_hash, [...(linkedFrom.get(entry.prev_hash) ?? []), i]);
  });
  const continuesAfter = (hash: string, index: number) => (linkedFrom.get(hash) ?? []).some((k) => k > index);

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const previous = entries[i - 1];
    const expectedSequence = previous ? previous.sequence + 1 : 1;
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    const bad = (problem: AuditProblem, sequence: number, message: string): AuditChainReport => ({
      ok: false,
      checked: i + 1,
      firstBad: { sequence, problem, message },
    });

    if (entry.sequence > expectedSequence) {
      return bad(
        'DELETED',
        expectedSequence,
        `entry #${expectedSequence} is missing: the chain jumps to #${entry.sequence}`,
      );
    }
    if (entry.prev_hash !== expectedPrev) {
      const target = entry.prev_hash === GENESIS_HASH ? -1 : indexOfHash.get(entry.prev_hash);
      if (target === undefined) {
        if (previous && selfHash(entry) === entry.hash) {
          return bad(
            'EDITED',
            previous.sequence,
            `entry #${previous.sequence} was rewritten: the intact entry #${entry.sequence} is chained to its original hash`,
          );
        }
        if (auditEntryHash({ ...entry, prev_hash: expectedPrev }) === entry.hash) {
          return bad('EDITED', entry.sequence, `entry #${entry.sequence} was edited: its prev_hash was changed`);
        }
        return bad(
          'DELETED',
          entry.sequence,
          `an entry before #${entry.sequence} is missing: its prev_hash matches no entry and it was renumbered`,
        );
      }
      if (target >= i) {
        return bad(
          'REORDERED',
          entry.sequence,
          `entry #${entry.sequence} is chained to #${entries[target]!.sequence}, which comes after it`,
        );
      }
      // A fork: entries[target + 1 .. i - 1] and this entry are both chained to entries[target].
      const branch = entries[target + 1]!;
      const branchIsExtra = continuesAfter(entry.hash, i) && !continuesAfter(previous!.hash, i);
      const extra = branchIsExtra ? branch : entry;
      const parent = target < 0 ? 'the genesis hash' : `#${entries[target]!.sequence}`;
      return bad(
        'INSERTED',
        extra.sequence,
        `entry #${extra.sequence} was inserted: it and #${(branchIsExtra ? entry : branch).sequence} are both chained to ${parent}`,
      );
    }
    if (entry.sequence < expectedSequence) {
      return bad('INSERTED', entry.sequence, `entry #${entry.sequence} appears twice`);
    }
    if (selfHash(entry) !== entry.hash) {
      return bad(
        'EDITED',
        entry.sequence,
        `entry #${entry.sequence} was edited: its content no longer matches its hash`,
      );
    }
  }
  return { ok: true, checked: entries.length };
}

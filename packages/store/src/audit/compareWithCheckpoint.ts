import type { AuditChainReport, AuditTrailEntry } from '@opspilot/core';
import type { CheckpointReading } from './auditCheckpoint.js';

/** What `verify` says about the checkpoint beside its chain report. */
export type CheckpointState =
  | { state: 'missing' }
  | { state: 'valid'; sequence: number; hash: string; file: string }
  | { state: 'invalid'; reason: string; file: string };

/** An audit chain report with what the checkpoint showed (`opspilot audit verify -o json` prints both). */
export type AuditVerifyReport = AuditChainReport & { checkpoint: CheckpointState };

/**
 * Compares an intact chain with the checkpoint read BEFORE the entries were (so an append in between cannot pass
 * for tampering): the log must reach the checkpoint's sequence, and the entry there must have its hash. What only the
 * checkpoint can show: a deleted tail, a deleted log, or a log rebuilt with other hashes.
 */
export function compareWithCheckpoint(
  chain: AuditChainReport,
  entries: readonly AuditTrailEntry[],
  reading: CheckpointReading,
): AuditVerifyReport {
  const checkpoint: CheckpointState =
    reading.state === 'valid' ? { state: 'valid', ...reading.head, file: reading.file } : reading;
  if (!chain.ok) return { ...chain, checkpoint };
  const last = entries.at(-1)?.sequence ?? 0;
  const bad = (sequence: number, problem: 'DELETED' | 'EDITED', message: string): AuditVerifyReport => ({
    ok: false,
    checked: entries.length,
    firstBad: { sequence, problem, message },
    checkpoint,
  });
  if (reading.state === 'invalid') {
    return bad(last, 'EDITED', `tampering: the audit checkpoint ${reading.file} cannot be trusted: ${reading.reason}`);
  }
  if (reading.state === 'missing') return { ...chain, checkpoint };
  const { head } = reading;
  if (last < head.sequence) {
    return bad(
      last + 1,
      'DELETED',
      last === 0
        ? `tampering: the audit log is empty (every entry deleted) but checkpoint says ${head.sequence}`
        : `tampering: log ends at seq ${last} but checkpoint says ${head.sequence}`,
    );
  }
  const anchored = entries[head.sequence - 1];
  if (head.sequence > 0 && anchored?.hash !== head.hash) {
    return bad(
      head.sequence,
      'EDITED',
      `tampering: entry #${head.sequence} does not have the hash the checkpoint recorded (the log was rewritten)`,
    );
  }
  return { ...chain, checkpoint };
}

import type { AuditVerifyReport } from './audit/compareWithCheckpoint.js';
import type { Store } from './openStore.js';

/**
 * Verifies the whole audit chain of a store and reports the first edited, inserted, deleted or reordered entry; with
 * an audit checkpoint (`StoreOptions.auditCheckpointFile`) also a deleted tail or log, a rebuilt log or an edited
 * checkpoint ("tampering: log ends at seq N but checkpoint says M"). A corrupt row is reported at its sequence.
 * @example
 * const report = await verifyAuditChain(store);
 * if (!report.ok) console.error(report.firstBad?.message);
 */
export function verifyAuditChain(store: Pick<Store, 'audit'>): Promise<AuditVerifyReport> {
  return store.audit.verify();
}

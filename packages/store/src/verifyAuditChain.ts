import type { AuditChainReport } from '@opspilot/core';
import type { Store } from './openStore.js';

/**
 * Verifies the whole audit chain of a store and reports the first edited, inserted, deleted or reordered entry.
 * @example
 * const report = await verifyAuditChain(store);
 * if (!report.ok) console.error(report.firstBad?.message);
 */
export function verifyAuditChain(store: Pick<Store, 'audit'>): Promise<AuditChainReport> {
  return store.audit.verify();
}

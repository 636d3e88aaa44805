import type { ClusterGateway, Operation } from '@opspilot/core';
import type { RemediationOutcome, SettleSubject } from '@opspilot/remediate';
import type { Store } from '@opspilot/store';
import { cliRemediator } from './cliRemediator.js';

/**
 * After `ask "fix …"` applied a fix: watches its object recover and stay healthy for `settle` seconds, and rolls the
 * fix back (through the lifecycle's apply journal) when it does not — the same settle window as `opspilot fix`.
 */
export function settleFix(
  store: Store,
  gateway: ClusterGateway,
  operation: Operation,
  fix: SettleSubject,
  options: { user: string; settle: number; clusterId?: string; err: (text: string) => void },
): Promise<RemediationOutcome> {
  const remediator = cliRemediator(store, gateway, {
    ...(options.clusterId ? { clusterId: options.clusterId } : {}),
    err: options.err,
    recovery: { settleMs: options.settle * 1000 },
  });
  return remediator.settle(operation, fix, { user: options.user });
}

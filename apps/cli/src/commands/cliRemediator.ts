import { type ClusterGateway, systemClock } from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import { allActions, createRemediator, type RecoveryTiming, type Remediator } from '@opspilot/remediate';
import type { Store } from '@opspilot/store';
import { cliLifecycle } from './askApply.js';

/**
 * The remediator of `opspilot fix` and `opspilot healing run`: the CLI's store, the system clock, its lease owner and
 * progress lines on stderr, recorded against the registered cluster the gateway talks to (`clusterId`); candidates
 * ranked with what the healing history taught.
 */
export function cliRemediator(
  store: Store,
  gateway: ClusterGateway,
  options: { clusterId?: string; err: (text: string) => void; recovery?: Partial<RecoveryTiming> },
): Remediator {
  return createRemediator({
    gateway,
    operations: store.operations,
    audit: store.audit,
    commands: store.aiCommands,
    clock: systemClock,
    diff: diffObjects,
    clusterId: options.clusterId,
    ...(options.recovery ? { recovery: options.recovery } : {}),
    history: () => allActions({ rules: store.healingRules, actions: store.healingActions }, {}),
    ...cliLifecycle(options.err),
  });
}

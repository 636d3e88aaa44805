import { type ClusterGateway, systemClock } from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import {
  allActions,
  createRemediator,
  type RecoveryTiming,
  type Remediator,
  recordingManualFixes,
} from '@opspilot/remediate';
import type { Store } from '@opspilot/store';
import { cliLifecycle } from './askApply.js';

/**
 * The remediator of `opspilot fix` and `opspilot healing run`: the CLI's store, the system clock, its lease owner and
 * progress lines on stderr, recorded against the registered cluster the gateway talks to (`clusterId`); candidates
 * ranked with what the healing history taught. Each fix it carries out or settles for a person is recorded as a MANUAL
 * healing action (learning counts it); `healing run` opts out, its rules record their own.
 */
export function cliRemediator(
  store: Store,
  gateway: ClusterGateway,
  options: {
    clusterId?: string;
    err: (text: string) => void;
    recovery?: Partial<RecoveryTiming>;
    /** Record each fix as a MANUAL healing action (default); false for a healing rule's, which records its own. */
    manual?: boolean;
  },
): Remediator {
  const remediator = createRemediator({
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
  if (options.manual === false) return remediator;
  return recordingManualFixes(remediator, {
    actions: store.healingActions,
    clock: systemClock,
    ...(options.clusterId ? { clusterId: options.clusterId } : {}),
  });
}

import type { Clock, ClusterGateway } from '@opspilot/core';
import { accountIsGranted, type Wanted } from './cluster/rbacGrants.js';
import type { Recovery, RecoveryTiming } from './verifyRecovery.js';

/**
 * Waits on the clock until the Roles bound to a service account grant the request an RBAC fix was for, or the
 * timeout passes. The pods that were refused recover on their next restart; this checks the cause, not them.
 */
export async function verifyGrant(
  gateway: ClusterGateway,
  clock: Clock,
  wanted: Wanted,
  timing: RecoveryTiming,
): Promise<Recovery> {
  const deadline = clock.now().getTime() + timing.timeoutMs;
  const what = `${wanted.accountNamespace}/${wanted.serviceAccount} may ${wanted.verb} ${wanted.resource} ${wanted.namespace ? `in ${wanted.namespace}` : 'cluster-wide'}`;
  for (;;) {
    if (await accountIsGranted(gateway, wanted)) {
      return { ok: true, message: `RBAC: ${what}`, healthy_at: clock.now().toISOString() };
    }
    if (clock.now().getTime() >= deadline) return { ok: false, message: `RBAC still refuses: ${what}` };
    await clock.sleep(timing.pollMs, timing.signal);
  }
}

import type { Finding, KubeObject } from '@opspilot/core';
import { type Denial, findDenial } from '../catalogue/forbiddenMessage.js';
import type { RemediationContext } from '../remediation.js';
import { findingContainer } from './findingWorkload.js';

/**
 * The RBAC denial of a failing container's own service account, read from its logs (this run's and the previous
 * one's): the pod, the container and the denial, or why there is none.
 */
export async function podDenial(
  finding: Finding,
  ctx: RemediationContext,
): Promise<{ pod: KubeObject; container: string; denial: Denial } | { none: string }> {
  const found = await findingContainer(finding, ctx);
  if ('none' in found) return found;
  const { pod, container } = found;
  const ref = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace };
  const logs = await Promise.all(
    [true, false].map((previous) =>
      ctx.gateway.logs(ref, { container: container.name, tailLines: 50, previous }).catch(() => ''),
    ),
  );
  const denial = findDenial(logs.join('\n'));
  const account = (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default';
  if (!denial) return { none: `the logs of ${container.name} show no RBAC denial` };
  if (denial.serviceAccount !== account || denial.accountNamespace !== pod.metadata.namespace) {
    return {
      none: `the denial names service account ${denial.accountNamespace}/${denial.serviceAccount}, not the pod's`,
    };
  }
  return { pod, container: container.name, denial };
}

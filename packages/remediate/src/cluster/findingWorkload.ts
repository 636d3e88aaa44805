import type { Finding } from '@opspilot/core';
import type { RemediationContext } from '../remediation.js';
import { type Container, podSpecOf } from './kubeShapes.js';
import { type PodOwners, workloadOfPod } from './workloadOfPod.js';

const TEMPLATED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * The live pod of a pod finding and the workload whose template a fix changes; a sentence saying why there is none
 * (the pod is gone, or nothing owns it so a change would be lost when it is re-created).
 */
export async function findingWorkload(
  finding: Finding,
  ctx: RemediationContext,
): Promise<PodOwners | { none: string }> {
  if (finding.resource.kind !== 'Pod') return { none: `finding ${finding.id} is not about a pod` };
  const owners = await workloadOfPod(ctx.gateway, finding.resource);
  if (!owners) return { none: `pod ${finding.resource.namespace}/${finding.resource.name} no longer exists` };
  if (!TEMPLATED.has(owners.workload.kind)) {
    return {
      none: `pod ${finding.resource.namespace}/${finding.resource.name} has no workload controller: change the pod's manifest and re-create it`,
    };
  }
  return owners;
}

/** The pod and workload of a pod finding, with the container it names (its id ends with `:<container>`). */
export async function findingContainer(
  finding: Finding,
  ctx: RemediationContext,
): Promise<(PodOwners & { container: Container }) | { none: string }> {
  const owners = await findingWorkload(finding, ctx);
  if ('none' in owners) return owners;
  const containers = podSpecOf(owners.pod).containers;
  const key = finding.id.split(':').at(-1);
  const container = containers.find((c) => c.name === key) ?? (containers.length === 1 ? containers[0] : undefined);
  if (!container) return { none: `pod ${owners.pod.metadata.name} has no container named in ${finding.id}` };
  return { ...owners, container };
}

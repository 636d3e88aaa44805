import { type ClusterGateway, formatRef } from '@opspilot/core';
import type { RemediationCandidate } from '../remediation.js';
import type { HealingLimits } from './healingPolicy.js';

/**
 * Why a candidate is beyond a rule's blast radius — it changes more objects than `max_objects`, or restarts more pods
 * (the subject's replicas) than `max_pods` — or undefined when it is within it.
 */
export async function blastRadius(
  gateway: ClusterGateway,
  candidate: RemediationCandidate,
  limits: HealingLimits,
): Promise<string | undefined> {
  const objects = new Set(
    candidate.steps.map((s) =>
      'target' in s && s.target
        ? formatRef(s.target)
        : 'object' in s
          ? `${s.object.kind}/${s.object.metadata.name}`
          : '',
    ),
  );
  if (objects.size > limits.max_objects) {
    return `blast radius: the fix changes ${objects.size} objects (at most ${limits.max_objects})`;
  }
  const subject = await gateway.get(candidate.subject);
  const replicas = (subject?.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  if (replicas > limits.max_pods) {
    return `blast radius: the fix restarts ${replicas} pods (at most ${limits.max_pods})`;
  }
  return undefined;
}

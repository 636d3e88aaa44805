import { type ClusterGateway, formatRef } from '@opspilot/core';
import type { RemediationCandidate } from '../remediation.js';
import type { HealingLimits } from './healingPolicy.js';
import { replicasTouched } from './replicasTouched.js';

/**
 * Why a candidate is beyond a rule's blast radius — it changes more objects than `max_objects`, restarts more pods
 * (the subject's replicas) than `max_pods`, or its rollout takes down or replaces more than `max_replicas_percent` of
 * the workload's replicas at once — or undefined when it is within it.
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
  const rollsOut = candidate.steps.some(
    (s) =>
      ('target' in s && s.target?.kind === candidate.subject.kind && s.target.name === candidate.subject.name) ||
      ('object' in s && s.object.kind === candidate.subject.kind && s.object.metadata.name === candidate.subject.name),
  );
  const touched = subject && rollsOut ? replicasTouched(subject) : undefined;
  if (touched && touched.replicas > 0) {
    const percent = Math.round((touched.touched / touched.replicas) * 100);
    if (percent > limits.max_replicas_percent) {
      return `blast radius: the rollout touches ${touched.touched} of ${touched.replicas} replicas at once (${percent}%, at most ${limits.max_replicas_percent}%)`;
    }
  }
  return undefined;
}

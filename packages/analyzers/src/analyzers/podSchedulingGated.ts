import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf } from '../kubeTypes.js';
import { ageMs, nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'pod-scheduling-gated';
/** Gates are usually removed within seconds by the controller that set them. */
const GRACE_MS = 5 * 60_000;

/**
 * Pods held back by `spec.schedulingGates` for more than five minutes (PodScheduled=False SchedulingGated): the
 * scheduler ignores them until every gate is removed, normally by the controller (a queue, a quota manager) that
 * added it. A gate nobody removes keeps the pod Pending forever.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/
 */
export const podSchedulingGated = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Pods held back by scheduling gates',
  analyze(snapshot, ctx) {
    const findings: Finding[] = [];
    for (const pod of indexSnapshot(snapshot).troubledPods()) {
      const gates = ((pod.spec as { schedulingGates?: { name: string }[] } | undefined)?.schedulingGates ?? []).map(
        (g) => g.name,
      );
      const scheduled = conditionOf(pod, 'PodScheduled');
      if (gates.length === 0 && scheduled?.reason !== 'SchedulingGated') continue;
      if ((pod.status as { phase?: string } | undefined)?.phase !== 'Pending') continue;
      if (ageMs(pod.metadata.creationTimestamp, ctx.now) < GRACE_MS) continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: pod,
          message: `Pod ${nameOf(pod)} is not scheduled: scheduling gate${gates.length === 1 ? '' : 's'} ${gates.join(', ') || '(unknown)'} ${gates.length === 1 ? 'has' : 'have'} not been removed since it was created`,
          evidence: [
            fieldEvidence(pod, 'spec.schedulingGates', gates),
            ...(scheduled ? [conditionEvidence(pod, scheduled)] : []),
          ],
          proposedFix: {
            description:
              'Find the controller that owns the gate (its name says which) and why it has not released the pod; remove the gate only if that controller is gone',
            command: `kubectl get pod ${pod.metadata.name} -n ${pod.metadata.namespace ?? 'default'} -o jsonpath='{.spec.schedulingGates}'`,
          },
          docsUrl: DOCS.schedulingGates,
        }),
      );
    }
    return findings;
  },
});

import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { latestEvents, nameOf, podEvents } from '../podHelpers.js';
import { eventFields, indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-lifecycle-hook';
const REASONS = ['FailedPostStartHook', 'FailedPreStopHook'];

/**
 * Containers whose postStart or preStop hook fails (FailedPostStartHook / FailedPreStopHook events): a failing
 * postStart hook kills the container, so it restarts in a loop; a failing preStop hook cuts a graceful shutdown short.
 * @see https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/
 */
export const podLifecycleHook = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event'],
  description: 'Containers whose lifecycle hook fails',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    // Hook failures are rare: start from their events rather than from every pod.
    const pods = new Set<KubeObject>();
    for (const e of index.recentEvents()) {
      const f = eventFields(e);
      const about = f.involvedObject ?? f.regarding;
      if (!REASONS.includes(f.reason ?? '') || about?.kind !== 'Pod' || !about.name) continue;
      const pod = index.get('Pod', about.namespace || e.metadata.namespace, about.name);
      if (pod) pods.add(pod);
    }
    for (const pod of pods) {
      const events = podEvents(index, pod, REASONS);
      if (events.length === 0) continue;
      const last = eventFields(events.at(-1)!);
      const hook = last.reason === 'FailedPostStartHook' ? 'postStart' : 'preStop';
      const owner = topOwner(index, pod);
      findings.push(
        findingOf({
          analyzer: ID,
          severity: hook === 'postStart' ? 'HIGH' : 'MEDIUM',
          object: pod,
          key: hook,
          message: `The ${hook} hook of pod ${nameOf(pod)} fails${hook === 'postStart' ? ', so its container is killed and restarted' : ', so it does not shut down gracefully'}: ${last.message ?? last.note ?? ''}`,
          evidence: latestEvents(events),
          sensitive: [owner.metadata.name],
          proposedFix: {
            description: `Fix the ${hook} hook's command or HTTP target (it must exist in the image and succeed), or remove the hook`,
            command: `kubectl get ${owner.kind.toLowerCase()}/${owner.metadata.name} -n ${pod.metadata.namespace ?? 'default'} -o jsonpath='{..lifecycle}'`,
          },
          docsUrl: DOCS.lifecycleHooks,
        }),
      );
    }
    return findings;
  },
});

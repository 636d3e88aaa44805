import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { ageMs, containerStatusesOf, killedByLiveness, nameOf, stateEvidence } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-restart-storm';
/** Restarts at or above which a running container is reported. */
export const RESTART_STORM_THRESHOLD = 5;
/** Only restarts whose last one is this recent count as a storm. */
const RECENT_MS = 60 * 60_000;

/**
 * Containers that are running now but have restarted many times recently: a process that crashes now and then
 * (not in back-off at the moment, not killed for memory or by a liveness probe — those have their own analyzers).
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
export const podRestartStorm = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event'],
  description: 'Running containers with many recent restarts',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      for (const { status, path } of containerStatusesOf(pod)) {
        const restarts = status.restartCount ?? 0;
        if (restarts < RESTART_STORM_THRESHOLD || status.state?.waiting?.reason === 'CrashLoopBackOff') continue;
        const last = status.lastState?.terminated;
        if (last?.reason === 'OOMKilled' || killedByLiveness(index, pod, status)) continue;
        if (ageMs(last?.finishedAt ?? status.state?.running?.startedAt, ctx.now) > RECENT_MS) continue;
        const ns = pod.metadata.namespace ?? 'default';
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'MEDIUM',
            object: pod,
            key: status.name,
            message: `Container ${status.name} of pod ${nameOf(pod)} has restarted ${restarts} times${last ? `, last with exit code ${last.exitCode ?? '?'}${last.reason ? ` (${last.reason})` : ''}` : ''}`,
            evidence: stateEvidence(pod, status, path),
            sensitive: [topOwner(index, pod).metadata.name],
            proposedFix: {
              description: 'Read the log of the run before the last restart to see why the process ended',
              command: `kubectl logs -n ${ns} ${pod.metadata.name} -c ${status.name} --previous`,
            },
            docsUrl: DOCS.podLifecycle,
          }),
        );
      }
    }
    return findings;
  },
});

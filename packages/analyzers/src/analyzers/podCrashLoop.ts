import { defineAnalyzer, type Evidence, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import {
  containerStatusesOf,
  killedByLiveness,
  latestEvents,
  nameOf,
  podEvents,
  stateEvidence,
} from '../podHelpers.js';
import { logTailOf } from '../podLogs.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { kubectlRef, topOwner } from '../workloads.js';

const ID = 'pod-crash-loop';

/**
 * Containers in CrashLoopBackOff because their process exits: reports the last exit code and reason, the
 * back-off events and, when the snapshot carries it, the tail of the previous run's log. Out-of-memory kills and
 * liveness-probe kills are left to `pod-oom-killed` and `pod-liveness-probe`, which name the real cause.
 * @see https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/
 */
export const podCrashLoop = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event'],
  description: 'Containers restarting in a loop because their process exits',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      for (const { status, path } of containerStatusesOf(pod)) {
        if (status.state?.waiting?.reason !== 'CrashLoopBackOff') continue;
        const last = status.lastState?.terminated;
        if (last?.reason === 'OOMKilled' || killedByLiveness(index, pod, status)) continue;
        const exit = last ? `exit code ${last.exitCode ?? '?'}${last.reason ? ` (${last.reason})` : ''}` : 'an error';
        const evidence: Evidence[] = [
          ...stateEvidence(pod, status, path),
          ...latestEvents(podEvents(index, pod, ['BackOff'])),
        ];
        const log = logTailOf(index, pod, status.name);
        if (log && log.lines.length > 0) {
          evidence.push({
            kind: 'log',
            source: `pod/${nameOf(pod)} container ${status.name}${log.previous ? ' (previous run)' : ''}`,
            detail: log.lines.slice(-10).join('\n'),
          });
        }
        const lastLine = log?.lines.at(-1) ?? last?.message;
        const owner = topOwner(index, pod);
        const ns = pod.metadata.namespace ?? 'default';
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'CRITICAL',
            object: pod,
            key: status.name,
            message: `Container ${status.name} of pod ${nameOf(pod)} is crash-looping: it ended with ${exit} and has restarted ${status.restartCount ?? 0} times${lastLine ? `; last output: "${lastLine}"` : ''}`,
            evidence,
            sensitive: [owner.metadata.name],
            proposedFix:
              owner.kind === 'Deployment'
                ? {
                    description:
                      'Read the previous run’s log to find why the process exits; if a recent change caused it, roll the Deployment back',
                    command: `kubectl rollout undo ${kubectlRef(owner)}`,
                  }
                : {
                    description:
                      'Read the previous run’s log to find why the process exits, then fix its command or configuration',
                    command: `kubectl logs -n ${ns} ${pod.metadata.name} -c ${status.name} --previous`,
                  },
            docsUrl: DOCS.debugPods,
          }),
        );
      }
    }
    return findings;
  },
});

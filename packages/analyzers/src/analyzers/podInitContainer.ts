import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { containerStatusesOf, nameOf, stateEvidence } from '../podHelpers.js';
import { logTailOf } from '../podLogs.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-init-container';
const PULL = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName']);

/**
 * Init containers that fail (non-zero exit, or crash-looping), which keep the pod in `Init:` forever: its main
 * containers never start. Image pull failures of init containers are reported by `pod-image-pull`.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
 */
export const podInitContainer = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Init containers that fail and block their pod',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      for (const { status, path } of containerStatusesOf(pod, true)) {
        const waiting = status.state?.waiting?.reason;
        if (waiting && PULL.has(waiting)) continue;
        const ended = status.state?.terminated ?? status.lastState?.terminated;
        const failing =
          waiting === 'CrashLoopBackOff' || (status.state?.terminated && status.state.terminated.exitCode !== 0);
        if (!failing) continue;
        const log = logTailOf(index, pod, status.name);
        const ns = pod.metadata.namespace ?? 'default';
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'CRITICAL',
            object: pod,
            key: status.name,
            message: `Init container ${status.name} of pod ${nameOf(pod)} fails${ended ? ` with exit code ${ended.exitCode ?? '?'}${ended.reason ? ` (${ended.reason})` : ''}` : ''}, so the pod's containers never start (${status.restartCount ?? 0} restarts)`,
            evidence: [
              ...stateEvidence(pod, status, path),
              ...(log && log.lines.length > 0
                ? [
                    {
                      kind: 'log' as const,
                      source: `pod/${nameOf(pod)} container ${status.name}`,
                      detail: log.lines.slice(-10).join('\n'),
                    },
                  ]
                : []),
            ],
            sensitive: [topOwner(index, pod).metadata.name],
            proposedFix: {
              description:
                'Read the init container’s log; it usually waits for or prepares something (a database, a migration) that fails',
              command: `kubectl logs -n ${ns} ${pod.metadata.name} -c ${status.name}${(status.restartCount ?? 0) > 0 ? ' --previous' : ''}`,
            },
            docsUrl: DOCS.initContainers,
          }),
        );
      }
    }
    return findings;
  },
});

import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { allContainers, podSpecOf } from '../kubeTypes.js';
import { containerStatusesOf, nameOf, stateEvidence } from '../podHelpers.js';
import { formatMemory, parseQuantity } from '../quantity.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { containerPatch, patchCommand, topOwner } from '../workloads.js';

const ID = 'pod-oom-killed';

/**
 * Containers killed for using more memory than their limit (reason `OOMKilled`, exit code 137). The fix doubles
 * the memory limit on the pod's controller (or sets one at 512Mi when there is none), as a strategic merge patch.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const podOomKilled = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Containers killed for exceeding their memory limit',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      const containers = allContainers(podSpecOf(pod));
      for (const init of [false, true]) {
        for (const { status, path } of containerStatusesOf(pod, init)) {
          const oom = [status.state?.terminated, status.lastState?.terminated].find((t) => t?.reason === 'OOMKilled');
          if (!oom) continue;
          const spec = containers.find((c) => c.init === init && c.container.name === status.name)?.container;
          const limit = spec?.resources?.limits?.memory;
          const limitBytes = parseQuantity(limit);
          const raised = limitBytes ? formatMemory(limitBytes * 2) : '512Mi';
          const owner = topOwner(index, pod);
          const body = containerPatch(owner, status.name, { resources: { limits: { memory: raised } } }, init);
          const evidence = stateEvidence(pod, status, path);
          if (spec)
            evidence.push(
              fieldEvidence(pod, `spec.containers[${status.name}].resources.limits.memory`, limit ?? 'none'),
            );
          findings.push(
            findingOf({
              analyzer: ID,
              severity: 'CRITICAL',
              object: pod,
              key: status.name,
              message: `Container ${status.name} of pod ${nameOf(pod)} was OOMKilled (exit code ${oom.exitCode ?? 137}): it needs more memory than its ${limit ? `${limit} limit` : 'node allows'}; restarted ${status.restartCount ?? 0} times`,
              evidence,
              sensitive: [owner.metadata.name],
              proposedFix: {
                description: `Raise the memory limit of ${status.name} to ${raised} (or find why it uses more memory than before)`,
                patch: { type: 'strategic', body },
                command: patchCommand(owner, 'strategic', body),
              },
              docsUrl: DOCS.resources,
            }),
          );
        }
      }
    }
    return findings;
  },
});

import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { containerStatusesOf, nameOf, stateEvidence } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { kubectlRef, topOwner } from '../workloads.js';

const ID = 'pod-image-inspect';

/**
 * Containers stuck in ImageInspectError: the image was pulled but the runtime cannot read it (a corrupt layer, a
 * manifest for another platform, a full image filesystem). Pulling again does not help until the image is removed.
 * @see https://kubernetes.io/docs/concepts/containers/images/
 */
export const podImageInspect = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Containers whose image cannot be inspected',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      for (const init of [true, false]) {
        for (const { status, path } of containerStatusesOf(pod, init)) {
          const waiting = status.state?.waiting;
          if (waiting?.reason !== 'ImageInspectError') continue;
          const owner = topOwner(index, pod);
          const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
          findings.push(
            findingOf({
              analyzer: ID,
              severity: 'CRITICAL',
              object: pod,
              key: status.name,
              message: `Container ${status.name} of pod ${nameOf(pod)} cannot start: the runtime cannot inspect image "${status.image ?? ''}" (ImageInspectError${waiting.message ? `: ${waiting.message}` : ''})`,
              evidence: stateEvidence(pod, status, path),
              sensitive: [owner.metadata.name, status.image],
              proposedFix: {
                description: `Remove the broken image from node ${node ?? '(its node)'} (crictl rmi) so it is pulled again, or use an image built for the node's platform; then restart ${kubectlRef(owner)}`,
                command: `kubectl debug node/${node ?? '<node>'} -it --image=busybox:1.36 -- chroot /host crictl rmi ${status.image ?? '<image>'}`,
              },
              docsUrl: DOCS.images,
            }),
          );
        }
      }
    }
    return findings;
  },
});

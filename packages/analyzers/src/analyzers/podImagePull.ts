import { defineAnalyzer, type Finding, type ProposedFix } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { containerStatusesOf, latestEvents, nameOf, podEvents, stateEvidence } from '../podHelpers.js';
import { pullSecretFix } from '../pullSecrets.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { containerPatch, kubectlRef, patchCommand, topOwner } from '../workloads.js';

const ID = 'pod-image-pull';
const REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const AUTH = /unauthorized|denied|authentication required|forbidden|no basic auth/i;

/**
 * Containers (regular or init) whose image cannot be pulled: a tag or repository that does not exist, a registry
 * asking for credentials, or an invalid reference. The fix names the image to correct, or the pull secret to add.
 * @see https://kubernetes.io/docs/concepts/containers/images/
 */
export const podImagePull = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event', 'Secret', 'ServiceAccount'],
  description: 'Containers whose image cannot be pulled',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      for (const init of [true, false]) {
        for (const { status, path } of containerStatusesOf(pod, init)) {
          const reason = status.state?.waiting?.reason;
          if (!reason || !REASONS.has(reason)) continue;
          const image = status.image ?? '';
          const events = podEvents(index, pod, ['Failed', 'BackOff'], /image/i);
          const text = [status.state?.waiting?.message, ...events.map((e) => String(e.message ?? ''))].join(' ');
          const owner = topOwner(index, pod);
          const patch = {
            type: 'strategic' as const,
            body: containerPatch(owner, status.name, { image: '<image:tag>' }, init),
          };
          const fix: ProposedFix = AUTH.test(text)
            ? pullSecretFix(index, pod, owner)
            : {
                description: `Image "${image}" cannot be pulled: set an image and tag that exist in the registry (replace <image:tag>), or roll back`,
                patch,
                command:
                  owner.kind === 'Deployment'
                    ? `kubectl set image ${kubectlRef(owner)} ${status.name}=<image:tag>`
                    : patchCommand(owner, 'strategic', patch.body),
              };
          findings.push(
            findingOf({
              analyzer: ID,
              severity: 'CRITICAL',
              object: pod,
              key: status.name,
              message: `${init ? 'Init container' : 'Container'} ${status.name} of pod ${nameOf(pod)} cannot pull image "${image}" (${reason})`,
              evidence: [...stateEvidence(pod, status, path), ...latestEvents(events)],
              sensitive: [owner.metadata.name, image],
              proposedFix: fix,
              docsUrl: DOCS.images,
            }),
          );
        }
      }
    }
    return findings;
  },
});

import type { Evidence } from '@opspilot/core';
import { deploymentRevisions, lastWorkingRevision } from '../cluster/deploymentRevisions.js';
import { findingContainer } from '../cluster/findingWorkload.js';
import { containerPatchStep } from '../cluster/planSteps.js';
import { restoreContainerStep } from '../cluster/restoreFields.js';
import { defineRemediation, type RemediationCandidate, unchanged } from '../remediation.js';
import { runningImages } from './runningImages.js';

const AUTH = /unauthorized|denied|authentication required|forbidden|no basic auth/i;

/**
 * An image that cannot be pulled (a tag that does not exist): set the container back to the image its last working
 * revision ran (from the Deployment's ReplicaSets), or to a tag of the same repository that pods of the cluster run
 * now. A registry refusing credentials is not fixed by a tag: no candidate then.
 * @see https://kubernetes.io/docs/concepts/containers/images/
 */
export const imagePullPreviousImage = defineRemediation({
  id: 'image-pull:previous-image',
  title: 'Set the image back to one that ran',
  findingClasses: ['pod-image-pull'],
  effect: 'write',
  async propose(finding, ctx) {
    if (AUTH.test(finding.message) || finding.evidence.some((e) => AUTH.test(e.detail))) {
      return { none: 'the registry refused the credentials: an image pull secret is needed, not another tag' };
    }
    const found = await findingContainer(finding, ctx);
    if ('none' in found) return found;
    const { workload, pod, container } = found;
    if (!container.image) return { none: `container ${container.name} of pod ${pod.metadata.name} names no image` };
    const failing = { name: container.name, image: container.image };
    const candidates: RemediationCandidate[] = [];
    const base = (image: string, evidence: Evidence[], confidence: number, alternatives: string[]) =>
      ({
        remediation: 'image-pull:previous-image',
        finding_id: finding.id,
        finding_class: finding.analyzer,
        summary: `set the image of ${failing.name} in ${workload.kind.toLowerCase()} ${workload.metadata.name} from ${failing.image} to ${image}`,
        steps: [
          containerPatchStep(
            workload,
            failing.name,
            { image },
            `set image ${failing.name}=${image} on ${workload.metadata.name}`,
          ),
        ],
        evidence: [...finding.evidence, ...evidence],
        effect: 'write',
        risk: [`restarts the pods of ${workload.metadata.name} with ${image} (a rolling update)`],
        preconditions: [
          unchanged(workload, `${workload.kind} ${workload.metadata.name} still asks for ${failing.image}`),
        ],
        alternatives,
        revision_diff: [`containers[${failing.name}].image: "${failing.image}" → "${image}"`],
        subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
        rollback: [restoreContainerStep(workload, failing.name, ['image'])],
        confidence,
      }) satisfies RemediationCandidate;
    const seen = new Set<string>([failing.image]);
    if (workload.kind === 'Deployment') {
      const last = lastWorkingRevision(workload, await deploymentRevisions(ctx.gateway, workload));
      const image = last?.revision.template.spec.containers.find((c) => c.name === failing.name)?.image;
      if (last && image && !seen.has(image)) {
        seen.add(image);
        const rs = last.revision.replicaSet.metadata.name;
        candidates.push(
          base(
            image,
            [
              {
                kind: 'field',
                source: `replicaset/${workload.metadata.namespace}/${rs}`,
                detail: `revision ${last.revision.revision} ran ${image}${last.runningNow ? ` (${last.revision.readyReplicas} pod(s) ready now)` : ''}`,
              },
            ],
            last.runningNow ? 0.9 : 0.6,
            [`kubectl rollout undo deployment/${workload.metadata.name} --to-revision=${last.revision.revision}`],
          ),
        );
      }
    }
    for (const running of await runningImages(ctx.gateway, failing.image)) {
      if (seen.has(running.image)) continue;
      seen.add(running.image);
      candidates.push(
        base(
          running.image,
          [{ kind: 'field', source: running.source, detail: `${running.pods} pod(s) run ${running.image} now` }],
          0.5,
          ['push the missing tag to the registry instead'],
        ),
      );
    }
    if (candidates.length === 0) {
      return {
        none: `no earlier revision of ${workload.metadata.name} and no pod of the cluster runs another tag of ${failing.image}: set an image that exists by hand`,
      };
    }
    return { candidates };
  },
});

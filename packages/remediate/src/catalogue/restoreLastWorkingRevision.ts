import type { KubeObject } from '@opspilot/core';
import { currentRevision, deploymentRevisions, lastWorkingRevision } from '../cluster/deploymentRevisions.js';
import { findingWorkload } from '../cluster/findingWorkload.js';
import { templateOf } from '../cluster/kubeShapes.js';
import { undoStep } from '../cluster/planSteps.js';
import { templateDiff } from '../cluster/templateDiff.js';
import { defineRemediation, unchanged } from '../remediation.js';

/**
 * A crash loop or a container that cannot start (a bad command or args, a missing ConfigMap or Secret key) after a
 * rollout: show the exact difference from the last working revision and return to it (`kubectl rollout undo
 * --to-revision`). A Deployment with no earlier revision gets no candidate: nothing says what worked.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment
 */
export const restoreLastWorkingRevision = defineRemediation({
  id: 'deployment:restore-last-working-revision',
  title: 'Return to the last working revision',
  findingClasses: ['pod-crash-loop', 'pod-container-config', 'pod-image-pull', 'deployment-rollout-stuck'],
  effect: 'write',
  async propose(finding, ctx) {
    const owners: { workload: KubeObject } | { none: string } =
      finding.resource.kind === 'Deployment'
        ? await ctx.gateway
            .get(finding.resource)
            .then((d) => (d ? { workload: d } : { none: `deployment ${finding.resource.name} no longer exists` }))
        : await findingWorkload(finding, ctx);
    if ('none' in owners) return { none: owners.none };
    const { workload } = owners;
    if (workload.kind !== 'Deployment') {
      return { none: `${workload.kind} ${workload.metadata.name} keeps no revisions to return to` };
    }
    const revisions = await deploymentRevisions(ctx.gateway, workload);
    const last = lastWorkingRevision(workload, revisions);
    const now = templateOf(workload);
    if (!last || !now) {
      return {
        none: `deployment ${workload.metadata.name} has no earlier revision: there is no working state to return to; fix its spec by hand`,
      };
    }
    const diff = templateDiff(now, last.revision.template);
    if (diff.length === 0) {
      return { none: `revision ${last.revision.revision} has the same pod template: returning to it changes nothing` };
    }
    const at = currentRevision(workload);
    const rs = last.revision.replicaSet.metadata.name;
    return {
      candidates: [
        {
          remediation: 'deployment:restore-last-working-revision',
          finding_id: finding.id,
          finding_class: finding.analyzer,
          summary: `roll deployment ${workload.metadata.name} back from revision ${at} to revision ${last.revision.revision}, restoring ${diff.length} field(s)`,
          steps: [
            undoStep(
              workload,
              last.revision.revision,
              `roll back deployment ${workload.metadata.name} to revision ${last.revision.revision}`,
            ),
          ],
          evidence: [
            ...finding.evidence,
            {
              kind: 'field',
              source: `replicaset/${workload.metadata.namespace}/${rs}`,
              detail: `revision ${last.revision.revision} ${last.runningNow ? `has ${last.revision.readyReplicas} ready pod(s) now` : 'was live before the change'}`,
            },
            ...diff.map((line) => ({
              kind: 'field' as const,
              source: `deployment/${workload.metadata.namespace}/${workload.metadata.name}`,
              detail: line,
            })),
          ],
          effect: 'write',
          risk: [
            `replaces the pods of ${workload.metadata.name} with revision ${last.revision.revision}'s (a rolling update)`,
            'any intended change of the newer revision is undone too',
          ],
          preconditions: [unchanged(workload, `deployment ${workload.metadata.name} is still at revision ${at}`)],
          alternatives: ['correct the changed field(s) in the manifest and roll forward'],
          revision_diff: diff,
          subject: { kind: 'Deployment', name: workload.metadata.name, namespace: workload.metadata.namespace },
          rollback: [undoStep(workload, at, `return deployment ${workload.metadata.name} to revision ${at}`)],
          confidence: last.runningNow ? 0.85 : 0.55,
        },
      ],
    };
  },
});

import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf, statusOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { kubectlRef } from '../workloads.js';

const ID = 'deployment-rollout-stuck';

/**
 * Rollouts that failed or stalled: `Progressing=False` with `ProgressDeadlineExceeded`, `ReplicaFailure`, or a
 * paused Deployment whose new template is only partly rolled out. The fix rolls back to the last good revision
 * (or resumes the paused rollout).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment
 */
export const deploymentRolloutStuck = defineAnalyzer({
  id: ID,
  kinds: ['Deployment'],
  description: 'Deployment rollouts that exceeded their deadline or are stalled',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const dep of index.of('Deployment')) {
      const spec = (dep.spec ?? {}) as { replicas?: number; paused?: boolean; progressDeadlineSeconds?: number };
      const status = statusOf<{ updatedReplicas: number }>(dep);
      const progressing = conditionOf(dep, 'Progressing');
      const failure = conditionOf(dep, 'ReplicaFailure');
      if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: dep,
            message: `The rollout of Deployment ${nameOf(dep)} failed: it made no progress for ${spec.progressDeadlineSeconds ?? 600}s (ProgressDeadlineExceeded)`,
            evidence: [conditionEvidence(dep, progressing), ...(failure ? [conditionEvidence(dep, failure)] : [])],
            proposedFix: {
              description: 'Roll back to the previous revision, then fix the new template',
              command: `kubectl rollout undo ${kubectlRef(dep)}`,
            },
            docsUrl: DOCS.failedDeployment,
          }),
        );
      } else if (failure?.status === 'True') {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: dep,
            message: `Deployment ${nameOf(dep)} cannot create its pods: ${failure.message ?? failure.reason}`,
            evidence: [conditionEvidence(dep, failure)],
            docsUrl: DOCS.failedDeployment,
          }),
        );
      } else if (spec.paused && (status.updatedReplicas ?? 0) < (spec.replicas ?? 1)) {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'LOW',
            object: dep,
            message: `The rollout of Deployment ${nameOf(dep)} is paused with ${status.updatedReplicas ?? 0} of ${spec.replicas ?? 1} replicas updated`,
            evidence: [fieldEvidence(dep, 'spec.paused', true)],
            proposedFix: {
              description: 'Resume the rollout when the change is ready',
              command: `kubectl rollout resume ${kubectlRef(dep)}`,
            },
            docsUrl: DOCS.deployments,
          }),
        );
      }
    }
    return findings;
  },
});

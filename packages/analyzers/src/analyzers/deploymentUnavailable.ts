import { defineAnalyzer, type Evidence, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf, type LabelSelector, statusOf } from '../kubeTypes.js';
import { selectorText } from '../labelSelector.js';
import { ageMs, nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'deployment-unavailable';
/** How long replicas may be missing before it is a problem (a rollout or a restart in progress). */
const GRACE_MS = 60_000;

interface DeploymentStatus {
  replicas: number;
  availableReplicas: number;
  readyReplicas: number;
  updatedReplicas: number;
  unavailableReplicas: number;
}

/**
 * Deployments with fewer available replicas than wanted for more than a minute (the `Available` condition, or the
 * replica counts). Usually a symptom: grouping links it to its pods' findings, which name the cause. A rollout
 * past its deadline is `deployment-rollout-stuck`'s.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
export const deploymentUnavailable = defineAnalyzer({
  id: ID,
  kinds: ['Deployment'],
  description: 'Deployments with fewer available replicas than desired',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const dep of index.of('Deployment')) {
      const spec = (dep.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
      const want = spec.replicas ?? 1;
      const status = statusOf<DeploymentStatus>(dep);
      const available = status.availableReplicas ?? 0;
      if (want === 0 || available >= want) continue;
      const progressing = conditionOf(dep, 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') continue;
      const availableCond = conditionOf(dep, 'Available');
      const since =
        availableCond?.status === 'False' ? availableCond.lastTransitionTime : dep.metadata.creationTimestamp;
      if (ageMs(since, ctx.now) < GRACE_MS) continue;
      const evidence: Evidence[] = [
        fieldEvidence(dep, 'status', {
          replicas: status.replicas ?? 0,
          readyReplicas: status.readyReplicas ?? 0,
          availableReplicas: available,
          updatedReplicas: status.updatedReplicas ?? 0,
        }),
      ];
      if (availableCond) evidence.push(conditionEvidence(dep, availableCond));
      findings.push(
        findingOf({
          analyzer: ID,
          severity: available === 0 ? 'CRITICAL' : 'HIGH',
          object: dep,
          message: `Deployment ${nameOf(dep)} has ${available} of ${want} replicas available`,
          evidence,
          proposedFix: {
            description: 'See why its pods are not ready (the grouped pod findings name the cause)',
            command: `kubectl describe pods -n ${dep.metadata.namespace ?? 'default'} -l '${selectorText(spec.selector ?? {})}'`,
          },
          docsUrl: DOCS.deployments,
        }),
      );
    }
    return findings;
  },
});

import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import type { LabelSelector } from '../kubeTypes.js';
import { selectorText } from '../labelSelector.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'pdb-no-disruption';

interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  selector?: LabelSelector;
}

/**
 * PodDisruptionBudgets that allow no voluntary disruption (`disruptionsAllowed: 0` with pods selected): node
 * drains and cluster upgrades hang. Either the budget is too strict (minAvailable equal to the replica count,
 * maxUnavailable 0) or the pods are unhealthy; also budgets selecting no pod at all.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export const pdbNoDisruption = defineAnalyzer({
  id: ID,
  kinds: ['PodDisruptionBudget', 'Pod'],
  description: 'PodDisruptionBudgets that block every eviction',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pdb of index.of('PodDisruptionBudget')) {
      const spec = (pdb.spec ?? {}) as PdbSpec;
      const status = (pdb.status ?? {}) as {
        disruptionsAllowed?: number;
        expectedPods?: number;
        currentHealthy?: number;
        desiredHealthy?: number;
      };
      const selected = index.selectPods(pdb.metadata.namespace, spec.selector, true);
      if (selected.length === 0) {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'LOW',
            object: pdb,
            key: 'no-pods',
            message: `PodDisruptionBudget ${nameOf(pdb)} selects no pod (${selectorText(spec.selector ?? {}) || 'empty selector'}): it protects nothing`,
            evidence: [fieldEvidence(pdb, 'spec.selector', spec.selector ?? {})],
            docsUrl: DOCS.pdb,
          }),
        );
        continue;
      }
      if ((status.disruptionsAllowed ?? 1) > 0) continue;
      const unhealthy = (status.currentHealthy ?? 0) < (status.desiredHealthy ?? 0);
      const body = { spec: { minAvailable: null, maxUnavailable: 1 } };
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: pdb,
          message: unhealthy
            ? `PodDisruptionBudget ${nameOf(pdb)} allows no disruption: only ${status.currentHealthy ?? 0} of the ${status.desiredHealthy} required pods are healthy`
            : `PodDisruptionBudget ${nameOf(pdb)} allows no disruption (${spec.minAvailable !== undefined ? `minAvailable ${spec.minAvailable}` : `maxUnavailable ${spec.maxUnavailable}`} with ${status.expectedPods ?? selected.length} pods): node drains will hang`,
          evidence: [
            fieldEvidence(pdb, 'spec', { minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable }),
            fieldEvidence(pdb, 'status', status),
          ],
          proposedFix: unhealthy
            ? { description: 'Make the selected pods healthy (see the grouped pod findings)' }
            : {
                description: 'Allow one pod at a time to be evicted',
                patch: { type: 'merge', body },
                command: patchCommand(pdb, 'merge', body),
              },
          docsUrl: DOCS.pdb,
        }),
      );
    }
    return findings;
  },
});

import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import type { LabelSelector } from '../kubeTypes.js';
import { isEmptySelector, selectorText } from '../labelSelector.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'networkpolicy-no-pods';

/**
 * NetworkPolicies whose `podSelector` matches no pod in their namespace: they restrict nothing, usually because of
 * a label typo, so the traffic they were meant to limit flows freely. An empty selector (all pods) is fine.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export const networkPolicyNoPods = defineAnalyzer({
  id: ID,
  kinds: ['NetworkPolicy', 'Pod'],
  description: 'NetworkPolicies that select no pod',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const policy of index.of('NetworkPolicy')) {
      const selector = (policy.spec as { podSelector?: LabelSelector } | undefined)?.podSelector;
      if (isEmptySelector(selector) || index.selectPods(policy.metadata.namespace, selector).length > 0) continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'LOW',
          object: policy,
          message: `NetworkPolicy ${nameOf(policy)} selects no pod (${selectorText(selector ?? {})}): it restricts nothing`,
          evidence: [fieldEvidence(policy, 'spec.podSelector', selector)],
          proposedFix: {
            description: 'Fix the podSelector to the labels of the pods to protect',
            command: `kubectl get pods -n ${policy.metadata.namespace ?? 'default'} --show-labels`,
          },
          docsUrl: DOCS.networkPolicies,
        }),
      );
    }
    return findings;
  },
});

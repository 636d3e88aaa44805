import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { selectorText } from '../labelSelector.js';
import { nameOf } from '../podHelpers.js';
import { serviceBackends } from '../serviceBackends.js';
import { indexSnapshot, type SnapshotIndex } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'service-selector-no-match';

/** Edit distance between two short strings (labels are at most 63 characters). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * The labels the selector was probably meant to have: for each selector key, the value pods in the namespace carry
 * that is closest to the wanted one, when it is close enough to be a typo (edit distance at most a third of its
 * length, at least 1). Undefined when some key has no such value.
 */
function closestLabels(
  index: SnapshotIndex,
  svc: KubeObject,
  selector: Record<string, string>,
): Record<string, string> | undefined {
  const values = new Map<string, Set<string>>();
  for (const pod of index.podsIn(svc.metadata.namespace)) {
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
      if (k in selector) values.set(k, (values.get(k) ?? new Set()).add(v));
    }
  }
  const proposal: Record<string, string> = {};
  for (const [key, wanted] of Object.entries(selector)) {
    const limit = Math.max(1, Math.floor(wanted.length / 3));
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of values.get(key) ?? []) {
      const d = candidate === wanted ? 0 : distance(candidate, wanted);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best === undefined || bestDistance > limit) return undefined;
    proposal[key] = best;
  }
  const candidate = index.selectPods(svc.metadata.namespace, proposal);
  return candidate.length > 0 ? proposal : undefined;
}

/**
 * Services whose selector matches no pod at all and no workload's pod template: a typo in a label, or a workload
 * that was renamed or removed.
 * When pods carry labels that differ from the selector by a typo, the fix proposes them.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export const serviceSelectorNoMatch = defineAnalyzer({
  id: ID,
  kinds: ['Service', 'Pod'],
  description: 'Services whose selector matches no pod',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const svc of index.of('Service')) {
      const spec = (svc.spec ?? {}) as { type?: string; selector?: Record<string, string> };
      if (spec.type === 'ExternalName' || !spec.selector || Object.keys(spec.selector).length === 0) continue;
      if (index.selectPods(svc.metadata.namespace, spec.selector).length > 0) continue;
      // A workload whose template carries the selected labels: the selector is right (scaled to zero, or its pods
      // cannot be created — the workload's own findings say why).
      if (serviceBackends(index, svc, spec.selector).length > 0) continue;
      const closest = closestLabels(index, svc, spec.selector);
      const body = closest ? { spec: { selector: closest } } : undefined;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: svc,
          message: `Service ${nameOf(svc)} selects no pod: no pod in namespace ${svc.metadata.namespace} has labels ${selectorText(spec.selector)}`,
          evidence: [fieldEvidence(svc, 'spec.selector', spec.selector)],
          sensitive: Object.values(spec.selector),
          proposedFix: body
            ? {
                description: `The selector looks like a typo of ${selectorText(closest ?? {})}, which existing pods carry: fix it, or deploy the pods it expects`,
                patch: { type: 'merge', body },
                command: patchCommand(svc, 'merge', body),
              }
            : {
                description: 'Deploy the pods this Service expects, or fix its selector to match existing pod labels',
                command: `kubectl get pods -n ${svc.metadata.namespace ?? 'default'} --show-labels`,
              },
          docsUrl: DOCS.services,
        }),
      );
    }
    return findings;
  },
});

import type { KubeObject } from '@opspilot/core';
import { editDistance } from '../cluster/editDistance.js';
import { findingWorkload } from '../cluster/findingWorkload.js';
import { podSpecOf, templateOf } from '../cluster/kubeShapes.js';
import {
  blockingTaints,
  describeRequirement,
  meetsRequirement,
  type NodeRequirement,
  nodeMatchesPod,
  requiredTerms,
  schedulableNodes,
} from '../cluster/nodeScheduling.js';
import { templatePatchStep } from '../cluster/planSteps.js';
import { defineRemediation, unchanged } from '../remediation.js';

type Term = { matchExpressions?: NodeRequirement[]; matchFields?: NodeRequirement[] };

/** The requirement changed so that `value` (the node's label, maybe missing) meets it; null drops it. */
function relax(r: NodeRequirement, value: string | undefined): NodeRequirement | null {
  if (value === undefined) return null;
  if (r.operator === 'In') {
    const values = r.values ?? [];
    const nearest = [...values].sort((a, b) => editDistance(a, value) - editDistance(b, value))[0];
    return { ...r, values: values.map((v) => (v === nearest ? value : v)) };
  }
  if (r.operator === 'NotIn') {
    const values = (r.values ?? []).filter((v) => v !== value);
    return values.length ? { ...r, values } : null;
  }
  return null;
}

const path = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms';
const affinityPatch = (terms: Term[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
});

/**
 * A pod Pending because its required node affinity matches no schedulable node: the smallest change to one of its
 * terms that makes a node match — each requirement that node fails either corrected (the `In` value nearest to the
 * node's label becomes it, the node's value leaves a `NotIn`) or dropped when it cannot be met by a value — with the
 * node preferred that has no untolerated taint. Labelling a node, or making the term preferred, are the alternatives.
 * Pod (anti-)affinity is not read here: it depends on other pods, not on node labels.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 */
export const nodeAffinityFix = defineRemediation({
  id: 'scheduling:fix-node-affinity',
  title: 'Make the required node affinity match a node',
  findingClasses: ['pod-unschedulable'],
  effect: 'write',
  async propose(finding, ctx) {
    const owners = await findingWorkload(finding, ctx);
    if ('none' in owners) return owners;
    const { workload, pod } = owners;
    const spec = podSpecOf(pod);
    const terms = requiredTerms(spec) as Term[];
    if (terms.length === 0) return { none: `pod ${pod.metadata.name} has no required node affinity` };
    const nodes = (await schedulableNodes(ctx.gateway)).filter((n) =>
      nodeMatchesPod({ ...spec, affinity: undefined }, n),
    );
    if (nodes.length === 0) return { none: 'no schedulable node passes the nodeSelector: fix the nodeSelector first' };
    const already = nodes.find((n) => nodeMatchesPod(spec, n));
    if (already) {
      return {
        none: `node ${already.metadata.name} meets the affinity: the pod is Pending for another reason (taints, resources)`,
      };
    }
    const tolerations = (spec.tolerations ?? []) as never[];
    let best: { term: number; node: KubeObject; failing: NodeRequirement[]; cost: number } | undefined;
    for (const [t, term] of terms.entries()) {
      if ((term.matchFields ?? []).length > 0) continue;
      for (const node of nodes) {
        const labels = node.metadata.labels ?? {};
        const failing = (term.matchExpressions ?? []).filter((r) => !meetsRequirement(labels[r.key], r));
        const cost = failing.length * 10 + (blockingTaints(node, tolerations).length > 0 ? 5 : 0);
        if (!best || cost < best.cost) best = { term: t, node, failing, cost };
      }
    }
    if (!best) return { none: 'every term selects nodes by field: name a node that exists instead' };
    const chosen = best;
    const { node, failing } = chosen;
    const labels = node.metadata.labels ?? {};
    const fixedTerm: Term = {
      ...terms[chosen.term],
      matchExpressions: (terms[chosen.term]!.matchExpressions ?? []).flatMap((r) => {
        if (!failing.includes(r)) return [r];
        const relaxed = relax(r, labels[r.key]);
        return relaxed ? [relaxed] : [];
      }),
    };
    const fixed = terms.map((term, i) => (i === chosen.term ? fixedTerm : term));
    const changes = failing.map((r) => {
      const relaxed = relax(r, labels[r.key]);
      return relaxed
        ? `${describeRequirement(r)} → ${describeRequirement(relaxed)}`
        : `${describeRequirement(r)} → (removed)`;
    });
    const fitting = nodes.filter((n) => nodeMatchesPod({ ...spec, ...affinityPatch(fixed) }, n));
    const before = (requiredTerms(templateOf(workload)?.spec ?? { containers: [] }) as Term[]) ?? terms;
    const kind = workload.kind.toLowerCase();
    return {
      candidates: [
        {
          remediation: 'scheduling:fix-node-affinity',
          finding_id: finding.id,
          finding_class: finding.analyzer,
          summary: `change the required node affinity of ${kind} ${workload.metadata.name}: ${changes.join(', ')}`,
          steps: [
            templatePatchStep(
              workload,
              affinityPatch(fixed),
              `set node affinity of ${workload.metadata.name}: ${changes.join(', ')}`,
            ),
          ],
          evidence: [
            ...finding.evidence,
            {
              kind: 'field',
              source: 'nodes',
              detail: `no schedulable node meets ${(terms[chosen.term]!.matchExpressions ?? []).map(describeRequirement).join(' and ')}; ${fitting.length} node(s) fit after the change (${fitting
                .map((n) => n.metadata.name)
                .slice(0, 3)
                .join(', ')})`,
            },
          ],
          effect: 'write',
          risk: [
            `pods of ${workload.metadata.name} may run on ${fitting.length} node(s) the affinity kept them off if it was right`,
          ],
          preconditions: [
            unchanged(workload, `${workload.kind} ${workload.metadata.name} still has the same node affinity`),
          ],
          alternatives: [
            ...failing
              .filter((r) => r.operator === 'In' && r.values?.[0])
              .map((r) => `label a node instead: kubectl label node ${node.metadata.name} ${r.key}=${r.values![0]}`),
            'or make the term preferredDuringSchedulingIgnoredDuringExecution so that it ranks nodes instead of excluding them',
          ],
          revision_diff: changes.map((c) => `${path}[${chosen.term}]: ${c}`),
          subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
          rollback: [
            templatePatchStep(workload, affinityPatch(before), `restore node affinity of ${workload.metadata.name}`),
          ],
          confidence: failing.every((r) => relax(r, labels[r.key])) ? 0.75 : 0.6,
        },
      ],
    };
  },
});

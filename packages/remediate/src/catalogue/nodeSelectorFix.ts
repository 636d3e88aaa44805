import type { KubeObject } from '@opspilot/core';
import { editDistance } from '../cluster/editDistance.js';
import { findingWorkload } from '../cluster/findingWorkload.js';
import { podSpecOf, templateOf } from '../cluster/kubeShapes.js';
import { templatePatchStep } from '../cluster/planSteps.js';
import { defineRemediation, unchanged } from '../remediation.js';

/**
 * A pod Pending because its nodeSelector matches no schedulable node: the smallest change to the workload's
 * nodeSelector that makes it schedulable — each pair no node satisfies set to the value nodes carry for that key (the
 * nearest one), or dropped when no node has the key — with labelling a node offered as the alternative.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector
 */
export const nodeSelectorFix = defineRemediation({
  id: 'scheduling:fix-node-selector',
  title: 'Make the nodeSelector match a node',
  findingClasses: ['pod-unschedulable'],
  effect: 'write',
  async propose(finding, ctx) {
    const owners = await findingWorkload(finding, ctx);
    if ('none' in owners) return owners;
    const { workload, pod } = owners;
    const wanted = podSpecOf(pod).nodeSelector ?? {};
    if (Object.keys(wanted).length === 0) {
      return {
        none: `pod ${pod.metadata.name} has no nodeSelector: it is Pending for another reason (resources, taints, affinity or a claim)`,
      };
    }
    const nodes = (await ctx.gateway.list('Node')).filter(
      (n) => !(n.spec as { unschedulable?: boolean } | undefined)?.unschedulable,
    );
    const unmatched = Object.entries(wanted).filter(([k, v]) => !nodes.some((n) => n.metadata.labels?.[k] === v));
    if (unmatched.length === 0) {
      return {
        none: 'every nodeSelector pair matches a node: the pod is Pending for another reason (resources, taints, affinity)',
      };
    }
    const selector: Record<string, string | null> = {};
    const changes: string[] = [];
    for (const [key, value] of unmatched) {
      const values = [
        ...new Set(nodes.map((n) => n.metadata.labels?.[key]).filter((v): v is string => v !== undefined)),
      ];
      const nearest = values.sort((a, b) => editDistance(value, a) - editDistance(value, b))[0];
      selector[key] = nearest ?? null;
      changes.push(nearest ? `${key}=${value} → ${key}=${nearest}` : `${key}=${value} → (removed: no node has ${key})`);
    }
    const fitting = nodes.filter((n) =>
      Object.entries({ ...wanted, ...selector }).every(([k, v]) => v === null || n.metadata.labels?.[k] === v),
    );
    const before = templateOf(workload)?.spec.nodeSelector ?? {};
    return {
      candidates: [
        {
          remediation: 'scheduling:fix-node-selector',
          finding_id: finding.id,
          finding_class: finding.analyzer,
          summary: `change the nodeSelector of ${workload.kind.toLowerCase()} ${workload.metadata.name}: ${changes.join(', ')}`,
          steps: [
            templatePatchStep(
              workload,
              { nodeSelector: selector as Record<string, string> },
              `set nodeSelector of ${workload.metadata.name}: ${changes.join(', ')}`,
            ),
          ],
          evidence: [
            ...finding.evidence,
            {
              kind: 'field',
              source: 'nodes',
              detail: `no schedulable node has ${unmatched.map(([k, v]) => `${k}=${v}`).join(', ')}; ${fitting.length} node(s) fit after the change (${fitting.map(nodeName).slice(0, 3).join(', ')})`,
            },
          ],
          effect: 'write',
          risk: [
            `pods of ${workload.metadata.name} may run on ${fitting.length} node(s) they were not meant for if the selector was right`,
          ],
          preconditions: [
            unchanged(workload, `${workload.kind} ${workload.metadata.name} still selects ${JSON.stringify(wanted)}`),
          ],
          alternatives: [
            ...unmatched.map(
              ([k, v]) =>
                `label a node instead: kubectl label node ${nodes[0] ? nodeName(nodes[0]) : '<node>'} ${k}=${v}`,
            ),
            'or add a node pool carrying the label',
          ],
          revision_diff: changes.map((c) => `spec.nodeSelector: ${c}`),
          subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
          rollback: [
            templatePatchStep(
              workload,
              {
                nodeSelector: Object.fromEntries(Object.keys(selector).map((k) => [k, before[k] ?? null])) as Record<
                  string,
                  string
                >,
              },
              `restore nodeSelector of ${workload.metadata.name}`,
            ),
          ],
          confidence: Object.values(selector).every((v) => v !== null) ? 0.8 : 0.6,
        },
      ],
    };
  },
});

const nodeName = (n: KubeObject) => n.metadata.name;

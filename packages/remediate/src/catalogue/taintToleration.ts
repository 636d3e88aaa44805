import { findingWorkload } from '../cluster/findingWorkload.js';
import { podSpecOf, templateOf } from '../cluster/kubeShapes.js';
import {
  blockingTaints,
  describeTaint,
  nodeMatchesPod,
  schedulableNodes,
  type Taint,
  type Toleration,
} from '../cluster/nodeScheduling.js';
import { templatePatchStep } from '../cluster/planSteps.js';
import { defineRemediation, unchanged } from '../remediation.js';

const CONTROL_PLANE = new Set(['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master']);
const NODE_CONDITION = /^node\.kubernetes\.io\//;
const toleration = (t: Taint): Toleration =>
  t.value !== undefined && t.value !== ''
    ? { key: t.key, operator: 'Equal', value: t.value, effect: t.effect }
    : { key: t.key, operator: 'Exists', effect: t.effect };

/**
 * A pod Pending because every node it may run on (by nodeSelector and node affinity) carries a NoSchedule or
 * NoExecute taint it does not tolerate: a toleration of exactly the taints of the node with the fewest of them (a
 * control-plane node last), planned against those taints (abandoned when the node's taints change before the apply).
 * Untainting that node is pointed to as the alternative — it opens the node to every pod, so it is left to a person.
 * Nodes held off by the node controller's condition taints (`node.kubernetes.io/not-ready`, `unreachable`, pressure)
 * are never tolerated: they need repair.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export const taintToleration = defineRemediation({
  id: 'scheduling:tolerate-taint',
  title: 'Tolerate the taint that keeps the pod off its nodes',
  findingClasses: ['pod-unschedulable'],
  effect: 'write',
  async propose(finding, ctx) {
    const owners = await findingWorkload(finding, ctx);
    if ('none' in owners) return owners;
    const { workload, pod } = owners;
    const spec = podSpecOf(pod);
    const tolerations = (spec.tolerations ?? []) as Toleration[];
    const nodes = (await schedulableNodes(ctx.gateway)).filter((n) => nodeMatchesPod(spec, n));
    if (nodes.length === 0) {
      return { none: 'no schedulable node passes the nodeSelector and node affinity: fix those first' };
    }
    const ranked = nodes
      .map((node) => ({ node, taints: blockingTaints(node, tolerations) }))
      .sort(
        (a, b) =>
          a.taints.length - b.taints.length ||
          Number(a.taints.some((t) => CONTROL_PLANE.has(t.key))) -
            Number(b.taints.some((t) => CONTROL_PLANE.has(t.key))) ||
          a.node.metadata.name.localeCompare(b.node.metadata.name),
      );
    // The node controller's condition taints (not-ready, unreachable, pressure) say the node is unhealthy: tolerating
    // them would run the pods on a broken node, so such a node is repaired, never tolerated.
    const healthy = ranked.filter((r) => !r.taints.some((t) => NODE_CONDITION.test(t.key)));
    if (healthy.length === 0) {
      const { node, taints } = ranked[0]!;
      const named = taints
        .filter((t) => NODE_CONDITION.test(t.key))
        .map(describeTaint)
        .join(', ');
      return {
        none: `node ${node.metadata.name} carries the node controller's ${named}: repair the node (or add one) rather than tolerate it`,
      };
    }
    const best = healthy[0]!;
    if (best.taints.length === 0) {
      return {
        none: `node ${best.node.metadata.name} tolerates the pod: it is Pending for another reason (resources, claims)`,
      };
    }
    const added = best.taints.map(toleration);
    const before = (templateOf(workload)?.spec.tolerations ?? null) as Toleration[] | null;
    const names = best.taints.map(describeTaint).join(', ');
    const controlPlane = best.taints.some((t) => CONTROL_PLANE.has(t.key));
    const alike = nodes.filter((n) => blockingTaints(n, [...tolerations, ...added]).length === 0);
    return {
      candidates: [
        {
          remediation: 'scheduling:tolerate-taint',
          finding_id: finding.id,
          finding_class: finding.analyzer,
          summary: `let ${workload.kind.toLowerCase()} ${workload.metadata.name} tolerate ${names} (node ${best.node.metadata.name})`,
          steps: [
            templatePatchStep(
              workload,
              { tolerations: [...tolerations, ...added] },
              `add toleration(s) ${names} to ${workload.metadata.name}`,
            ),
          ],
          evidence: [
            ...finding.evidence,
            {
              kind: 'field',
              source: `node/${best.node.metadata.name}`,
              detail: `taints ${names} keep the pod off; ${alike.length} of ${nodes.length} node(s) it may run on accept it after the change`,
            },
          ],
          effect: 'write',
          risk: [
            controlPlane
              ? `pods of ${workload.metadata.name} would run on the control plane node ${best.node.metadata.name}`
              : `pods of ${workload.metadata.name} may run on nodes the taint ${names} reserves for other work`,
          ],
          preconditions: [
            unchanged(workload, `${workload.kind} ${workload.metadata.name} still has the same tolerations`),
            {
              ref: { kind: 'Node', name: best.node.metadata.name },
              fields: { 'spec.taints': (best.node.spec as { taints?: Taint[] }).taints ?? null },
              description: `node ${best.node.metadata.name} still has taints ${names}`,
            },
          ],
          alternatives: [
            `untaint the node instead (it opens it to every pod): ${best.taints
              .map((t) => `kubectl taint node ${best.node.metadata.name} ${describeTaint(t)}-`)
              .join('; ')}`,
            'or add nodes without the taint',
          ],
          revision_diff: added.map(
            (t) => `spec.tolerations: + ${t.key}${t.value ? `=${t.value}` : ''} ${t.operator} ${t.effect}`,
          ),
          subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
          rollback: [
            templatePatchStep(
              workload,
              { tolerations: before as Toleration[] },
              `restore tolerations of ${workload.metadata.name}`,
            ),
          ],
          confidence: controlPlane ? 0.4 : 0.7,
        },
      ],
    };
  },
});

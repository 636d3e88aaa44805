import type { KubeObject } from '@opspilot/core';
import { findingWorkload } from '../cluster/findingWorkload.js';
import { podSpecOf, statusOf, templateOf } from '../cluster/kubeShapes.js';
import { blockingTaints, nodeMatchesPod, schedulableNodes, type Toleration } from '../cluster/nodeScheduling.js';
import { objectPatchStep, templatePatchStep } from '../cluster/planSteps.js';
import { defineRemediation, type RemediationCandidate, unchanged } from '../remediation.js';
import { selectorCorrection } from './selectorCorrection.js';

/** A `PodAffinityTerm` as a pod template carries it. */
interface Term {
  labelSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | null;
  namespaces?: string[];
  namespaceSelector?: unknown;
  topologyKey: string;
}
type Rules = {
  requiredDuringSchedulingIgnoredDuringExecution?: Term[];
  preferredDuringSchedulingIgnoredDuringExecution?: unknown[];
};

const rulesOf = (spec: Record<string, unknown>, kind: 'podAffinity' | 'podAntiAffinity'): Rules =>
  ((spec.affinity as Record<string, Rules> | undefined)?.[kind] ?? {}) as Rules;
const selects = (term: Term, labels: Record<string, string> = {}) =>
  !!term.labelSelector?.matchLabels &&
  (term.labelSelector.matchExpressions ?? []).length === 0 &&
  Object.entries(term.labelSelector.matchLabels).every(([k, v]) => labels[k] === v);
const pairs = (labels: Record<string, string> = {}) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
const PATH = 'spec.affinity';

/**
 * A pod Pending because of required inter-pod rules (the scheduler says `didn't match pod (anti-)affinity rules`): the
 * smallest change that lets it schedule.
 * - Anti-affinity against its own replicas with more replicas than topology domains it may run in (a spread one per
 *   node over too few nodes): scale to the number of domains. Making the rule preferred would need a rollout the old
 *   pods' own rule blocks; adding nodes is the other way out.
 * - Affinity to pods that do not exist: a label value one typo away from the labels pods in the term's namespace carry
 *   is corrected to it; with no near match the term is made preferred (weight 100), ranking nodes instead of excluding.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 */
export const podAffinityFix = defineRemediation({
  id: 'scheduling:fix-pod-affinity',
  title: 'Make required pod affinity or anti-affinity satisfiable',
  findingClasses: ['pod-unschedulable'],
  effect: 'write',
  async propose(finding, ctx) {
    const owners = await findingWorkload(finding, ctx);
    if ('none' in owners) return owners;
    const { workload, pod } = owners;
    const scheduled = (statusOf<{ conditions?: { type: string; message?: string }[] }>(pod).conditions ?? []).find(
      (c) => c.type === 'PodScheduled',
    );
    const message = scheduled?.message ?? '';
    const spec = podSpecOf(pod) as Record<string, unknown> & ReturnType<typeof podSpecOf>;
    const kind = workload.kind.toLowerCase();
    const base = {
      finding_id: finding.id,
      finding_class: finding.analyzer,
      effect: 'write' as const,
      subject: { kind: workload.kind, name: workload.metadata.name, namespace: workload.metadata.namespace },
      revision_diff: [] as string[],
    };

    if (/didn't match pod anti-affinity rules/.test(message)) {
      const terms = rulesOf(spec, 'podAntiAffinity').requiredDuringSchedulingIgnoredDuringExecution ?? [];
      const own = terms.filter((t) => selects(t, pod.metadata.labels) && !t.namespaces?.length && !t.namespaceSelector);
      if (own.length === 0) return { none: `pod ${pod.metadata.name} repels other pods, not its own replicas` };
      const tolerations = (spec.tolerations ?? []) as Toleration[];
      const eligible = (await schedulableNodes(ctx.gateway)).filter(
        (n) => nodeMatchesPod(spec, n) && blockingTaints(n, tolerations).length === 0,
      );
      const domains = Math.min(
        ...own.map((t) => new Set(eligible.map((n) => n.metadata.labels?.[t.topologyKey]).filter(Boolean)).size),
      );
      const replicas = Number((workload.spec as { replicas?: number } | undefined)?.replicas ?? 1);
      if (workload.kind === 'DaemonSet' || replicas <= domains || domains === 0) {
        return {
          none: `${kind} ${workload.metadata.name} has ${replicas} replica(s) for ${domains} topology domain(s): other pods hold the domains it may use`,
        };
      }
      const key = own[0]!.topologyKey;
      const scale = (to: number, from: number, description: string) => ({
        op: 'scale' as const,
        target: base.subject,
        replicas: to,
        fromReplicas: from,
        description,
      });
      const candidate: RemediationCandidate = {
        ...base,
        remediation: 'scheduling:fix-pod-affinity',
        summary: `scale ${kind} ${workload.metadata.name} from ${replicas} to ${domains}: its required anti-affinity allows one pod per ${key}, and ${domains} are available`,
        steps: [scale(domains, replicas, `scale ${workload.metadata.name} to ${domains}`)],
        evidence: [
          ...finding.evidence,
          {
            kind: 'field',
            source: `${PATH}.podAntiAffinity`,
            detail: `pods labelled ${pairs(own[0]!.labelSelector?.matchLabels)} repel each other per ${key}; ${eligible.length} schedulable node(s) in ${domains} domain(s) (${eligible
              .map((n) => n.metadata.name)
              .slice(0, 4)
              .join(', ')}) for ${replicas} replicas`,
          },
        ],
        risk: [
          `${workload.metadata.name} runs ${replicas - domains} replica(s) fewer: less capacity until nodes are added`,
        ],
        preconditions: [
          unchanged(workload, `${workload.kind} ${workload.metadata.name} still has ${replicas} replicas`),
        ],
        alternatives: [
          `add ${replicas - domains} node(s) with a distinct ${key} label`,
          'or make the anti-affinity preferredDuringSchedulingIgnoredDuringExecution (a rollout the old pods may block)',
        ],
        revision_diff: [`spec.replicas: ${replicas} → ${domains}`],
        rollback: [scale(replicas, domains, `scale ${workload.metadata.name} back to ${replicas}`)],
        confidence: 0.7,
      };
      return { candidates: [candidate] };
    }

    if (/didn't match pod affinity rules/.test(message)) {
      const rules = rulesOf(spec, 'podAffinity');
      const terms = rules.requiredDuringSchedulingIgnoredDuringExecution ?? [];
      const pods = await ctx.gateway.list('Pod', { namespace: pod.metadata.namespace });
      const others = pods.filter((p: KubeObject) => p.metadata.uid !== pod.metadata.uid);
      const unmet = terms.filter(
        (t) => !t.namespaces?.length && !t.namespaceSelector && !others.some((p) => selects(t, p.metadata.labels)),
      );
      if (unmet.length === 0)
        return { none: `the pods pod ${pod.metadata.name} needs exist: it is Pending for another reason` };
      const changes: string[] = [];
      const moved: unknown[] = [];
      const fixed = terms.flatMap((t) => {
        if (!unmet.includes(t)) return [t];
        const matchLabels = t.labelSelector?.matchLabels ?? {};
        for (const p of others) {
          const corrected = selectorCorrection(matchLabels, p.metadata.labels ?? {});
          if (!corrected) continue;
          changes.push(
            `podAffinity ${pairs(matchLabels)} → ${pairs(corrected.selector)} (labels of pod ${p.metadata.name})`,
          );
          return [{ ...t, labelSelector: { ...t.labelSelector, matchLabels: corrected.selector } }];
        }
        changes.push(
          `podAffinity ${pairs(matchLabels)} per ${t.topologyKey} → preferred (no pod carries these labels)`,
        );
        moved.push({ weight: 100, podAffinityTerm: t });
        return [];
      });
      const patch = (r: Rules) => ({
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: r.requiredDuringSchedulingIgnoredDuringExecution?.length
              ? r.requiredDuringSchedulingIgnoredDuringExecution
              : null,
            preferredDuringSchedulingIgnoredDuringExecution: r.preferredDuringSchedulingIgnoredDuringExecution?.length
              ? r.preferredDuringSchedulingIgnoredDuringExecution
              : null,
          },
        },
      });
      const before = rulesOf((templateOf(workload)?.spec ?? {}) as Record<string, unknown>, 'podAffinity');
      const after: Rules = {
        requiredDuringSchedulingIgnoredDuringExecution: fixed,
        preferredDuringSchedulingIgnoredDuringExecution: [
          ...(rules.preferredDuringSchedulingIgnoredDuringExecution ?? []),
          ...moved,
        ],
      };
      const candidate: RemediationCandidate = {
        ...base,
        remediation: 'scheduling:fix-pod-affinity',
        summary: `change the required pod affinity of ${kind} ${workload.metadata.name}: ${changes.join('; ')}`,
        steps: [templatePatchStep(workload, patch(after) as never, `set pod affinity of ${workload.metadata.name}`)],
        evidence: [
          ...finding.evidence,
          {
            kind: 'field',
            source: `${PATH}.podAffinity`,
            detail: `no pod in namespace ${pod.metadata.namespace} carries ${unmet.map((t) => pairs(t.labelSelector?.matchLabels)).join(' or ')}`,
          },
        ],
        risk: moved.length
          ? [`pods of ${workload.metadata.name} may run away from the pods the affinity meant to keep them near`]
          : [`pods of ${workload.metadata.name} will run beside the pods they now select`],
        preconditions: [
          unchanged(workload, `${workload.kind} ${workload.metadata.name} still has the same pod affinity`),
        ],
        alternatives: [
          ...unmet.map((t) => `start the pods it needs (labelled ${pairs(t.labelSelector?.matchLabels)}) first`),
          ...(moved.length ? [] : ['or make the term preferredDuringSchedulingIgnoredDuringExecution']),
        ],
        revision_diff: changes.map((c) => `${PATH}.${c}`),
        rollback: [
          objectPatchStep(
            workload,
            { spec: { template: { spec: patch(before) } } },
            `restore pod affinity of ${workload.metadata.name}`,
          ),
        ],
        confidence: moved.length ? 0.6 : 0.75,
      };
      return { candidates: [candidate] };
    }
    return { none: `pod ${pod.metadata.name} is not Pending on pod affinity or anti-affinity` };
  },
});

import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

/** A rule of a Job's podFailurePolicy. */
export interface PodFailureRule {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status?: string }[];
}

/** What a Job's podFailurePolicy says about one failed pod: its action, and the message when it fails the Job. */
export interface FailureVerdict {
  action: PodFailureRule['action'];
  message?: string;
}

/**
 * Matches a failed pod against a Job's podFailurePolicy, first matching rule wins: exit codes of its (named)
 * containers `In`/`NotIn` the values (0 never matches), or a pod condition. Without a match the failure counts.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-failure-policy
 */
export function judgeFailure(pod: KubeObject, rules: PodFailureRule[] | undefined): FailureVerdict {
  const statuses = ((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? [];
  const conditions = ((pod.status as Json | undefined)?.conditions as Json[] | undefined) ?? [];
  for (const [index, rule] of (rules ?? []).entries()) {
    const codes = rule.onExitCodes;
    if (codes) {
      for (const s of statuses) {
        if (codes.containerName && s.name !== codes.containerName) continue;
        const code = Number(((s.state as Json | undefined)?.terminated as Json | undefined)?.exitCode ?? 0);
        if (code === 0 || codes.values.includes(code) !== (codes.operator === 'In')) continue;
        return {
          action: rule.action,
          message: `Container ${s.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching ${rule.action} rule at index ${index}`,
        };
      }
    }
    for (const wanted of rule.onPodConditions ?? []) {
      const found = conditions.find((c) => c.type === wanted.type && c.status === (wanted.status ?? 'True'));
      if (found)
        return {
          action: rule.action,
          message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${wanted.type} matching ${rule.action} rule at index ${index}`,
        };
    }
  }
  return { action: 'Count' };
}

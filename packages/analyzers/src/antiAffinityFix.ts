import type { KubeObject, ProposedFix } from '@opspilot/core';
import type { PodSpec } from './kubeTypes.js';

interface AffinityTerm {
  topologyKey?: string;
  labelSelector?: unknown;
}

/**
 * The fix for a pod refused by its own required pod anti-affinity (one replica per node, more replicas than nodes
 * that can take one): the rule becomes preferred, so the extra replica shares a node rather than stay Pending; the
 * alternatives (another node, fewer replicas) are named. Undefined when the pod has no required anti-affinity or is
 * not run by a workload whose template can be patched.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 */
export function antiAffinityFix(owner: KubeObject, spec: PodSpec): ProposedFix | undefined {
  const anti = (spec as { affinity?: { podAntiAffinity?: Record<string, AffinityTerm[]> } }).affinity?.podAntiAffinity;
  const required = anti?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required?.length || owner.kind === 'Pod') return undefined;
  const base = '/spec/template/spec/affinity/podAntiAffinity';
  const preferred = required.map((term) => ({ weight: 100, podAffinityTerm: term }));
  const existing = anti?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const body = [
    { op: 'remove', path: `${base}/requiredDuringSchedulingIgnoredDuringExecution` },
    { op: 'add', path: `${base}/preferredDuringSchedulingIgnoredDuringExecution`, value: [...existing, ...preferred] },
  ];
  const ref = `${owner.kind.toLowerCase()}/${owner.metadata.name} -n ${owner.metadata.namespace ?? 'default'}`;
  const keys = [...new Set(required.map((t) => t.topologyKey ?? '?'))].join(', ');
  return {
    description: `Its required pod anti-affinity (topologyKey ${keys}) allows one replica per node, and no other node can take this one: add a node, lower the replicas of ${ref}, or make the rule preferred (below) so replicas may share a node`,
    patch: { type: 'json', body },
    command: `kubectl patch ${ref} --type json -p '${JSON.stringify(body)}'`,
  };
}

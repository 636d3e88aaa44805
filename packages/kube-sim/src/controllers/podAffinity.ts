import { type LabelSelector, matchesSelector } from '../exec/labelSelector.js';
import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

/** A `PodAffinityTerm`: the pods it selects (by labels, in some namespaces) and the topology they share. */
interface PodAffinityTerm {
  labelSelector?: LabelSelector | null;
  namespaces?: string[];
  namespaceSelector?: LabelSelector | null;
  topologyKey: string;
}

/** Why the InterPodAffinity filter keeps a pod off a node, in kube-scheduler's words. */
export const EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const AFFINITY = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

function requiredTerms(pod: KubeObject, kind: 'podAffinity' | 'podAntiAffinity'): PodAffinityTerm[] {
  const affinity = ((pod.spec as Json | undefined)?.affinity as Json | undefined)?.[kind] as Json | undefined;
  return ((affinity?.requiredDuringSchedulingIgnoredDuringExecution as PodAffinityTerm[] | undefined) ?? []).filter(
    (t) => typeof t?.topologyKey === 'string' && t.topologyKey !== '',
  );
}

/**
 * Whether a term of a pod in namespace `ownNamespace` selects `other`: its namespace is one the term names (or that
 * `namespaceSelector` selects; `{}` selects all), by default the term owner's own; a missing labelSelector selects
 * no pod.
 */
function selects(term: PodAffinityTerm, ownNamespace: string | undefined, other: KubeObject, namespaces: KubeObject[]) {
  if (!term.labelSelector) return false;
  const ns = other.metadata.namespace;
  const named = term.namespaces ?? [];
  const bySelector = term.namespaceSelector
    ? matchesSelector(term.namespaceSelector, namespaces.find((n) => n.metadata.name === ns)?.metadata.labels ?? {})
    : false;
  const inScope =
    named.length === 0 && !term.namespaceSelector ? ns === ownNamespace : named.includes(ns ?? '') || bySelector;
  return inScope && matchesSelector(term.labelSelector, other.metadata.labels ?? {});
}

/**
 * The InterPodAffinity filter for one node: the required anti-affinity of pods already placed (none may share a
 * topology domain with a pod it repels), the incoming pod's required anti-affinity (no pod it repels in the node's
 * domain) and its required affinity (a pod it needs in the node's domain for every term — unless no pod anywhere
 * matches and the pod would match its own terms, so that the first pod of a group that must be together can start).
 * A node without the term's topology label is in no domain: affinity fails there, anti-affinity does not.
 * Returns the scheduler's reason, or undefined when the node passes.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 */
export function podAffinityProblem(
  pod: KubeObject,
  node: KubeObject,
  nodes: KubeObject[],
  pods: KubeObject[],
  namespaces: KubeObject[],
): string | undefined {
  const nodeOf = new Map(nodes.map((n) => [n.metadata.name, n]));
  const placed = pods.filter((p) => {
    const phase = (p.status as Json | undefined)?.phase;
    return (
      p.metadata.uid !== pod.metadata.uid &&
      (p.spec as Json | undefined)?.nodeName &&
      !p.metadata.deletionTimestamp &&
      phase !== 'Succeeded' &&
      phase !== 'Failed'
    );
  });
  const domainOf = (p: KubeObject, key: string) =>
    nodeOf.get(String((p.spec as Json).nodeName))?.metadata.labels?.[key];
  const here = (key: string) => node.metadata.labels?.[key];
  const sameDomain = (p: KubeObject, key: string) => here(key) !== undefined && domainOf(p, key) === here(key);

  const own = pod.metadata.namespace;
  // In kube-scheduler's order: the pod's affinity, its anti-affinity, then the anti-affinity of the pods placed.
  const affinity = requiredTerms(pod, 'podAffinity');
  const satisfied = affinity.every((term) =>
    placed.some((p) => sameDomain(p, term.topologyKey) && selects(term, own, p, namespaces)),
  );
  if (!satisfied) {
    const anyMatch = affinity.some((term) => placed.some((p) => selects(term, own, p, namespaces)));
    const selfAffine = affinity.every(
      (term) => here(term.topologyKey) !== undefined && selects(term, own, pod, namespaces),
    );
    if (anyMatch || !selfAffine) return AFFINITY;
  }
  for (const term of requiredTerms(pod, 'podAntiAffinity')) {
    if (placed.some((p) => sameDomain(p, term.topologyKey) && selects(term, own, p, namespaces))) return ANTI_AFFINITY;
  }
  for (const other of placed) {
    for (const term of requiredTerms(other, 'podAntiAffinity')) {
      if (sameDomain(other, term.topologyKey) && selects(term, other.metadata.namespace, pod, namespaces)) {
        return EXISTING_ANTI_AFFINITY;
      }
    }
  }
  return undefined;
}

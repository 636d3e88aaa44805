import type { KubeObject } from '@opspilot/core';
import type { LabelSelector } from './kubeTypes.js';
import { isEmptySelector, matchesSelector } from './labelSelector.js';
import type { SnapshotIndex } from './snapshotIndex.js';

/** A NetworkPolicy peer (`from` / `to` entry). */
interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string };
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port?: number | string; endPort?: number; protocol?: string }[];
}

interface PolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: string[];
  ingress?: Rule[];
  egress?: Rule[];
}

/** A port of a backend container as traffic reaches it: its number and (when declared) name. */
export interface TargetPort {
  port: number;
  name?: string;
  protocol: string;
}

function specOf(policy: KubeObject): PolicySpec {
  return (policy.spec ?? {}) as PolicySpec;
}

/** The direction types a policy has: Ingress always unless listed otherwise, Egress when listed or with rules. */
function types(policy: KubeObject): Set<string> {
  const spec = specOf(policy);
  if (spec.policyTypes && spec.policyTypes.length > 0) return new Set(spec.policyTypes);
  return new Set(spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

function namespaceLabels(index: SnapshotIndex, ns: string | undefined): Record<string, string> {
  const obj = index.get('Namespace', undefined, ns ?? 'default');
  return { 'kubernetes.io/metadata.name': ns ?? 'default', ...(obj?.metadata.labels ?? {}) };
}

function peerMatches(index: SnapshotIndex, policy: KubeObject, peer: Peer, other: KubeObject): boolean | 'unknown' {
  if (peer.ipBlock) return 'unknown';
  const nsOk = peer.namespaceSelector
    ? isEmptySelector(peer.namespaceSelector) ||
      matchesSelector(namespaceLabels(index, other.metadata.namespace), peer.namespaceSelector)
    : other.metadata.namespace === policy.metadata.namespace;
  if (!nsOk) return false;
  return (
    !peer.podSelector || isEmptySelector(peer.podSelector) || matchesSelector(other.metadata.labels, peer.podSelector)
  );
}

function portMatches(rule: Rule, target: TargetPort): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== target.protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'string') return p.port === target.name;
    return p.endPort ? target.port >= p.port && target.port <= p.endPort : p.port === target.port;
  });
}

/** The policies of a pod's namespace that select it for a direction. */
export function isolatingPolicies(
  index: SnapshotIndex,
  pod: KubeObject,
  direction: 'Ingress' | 'Egress',
): KubeObject[] {
  return index
    .of('NetworkPolicy')
    .filter(
      (p) =>
        p.metadata.namespace === pod.metadata.namespace &&
        types(p).has(direction) &&
        matchesSelector(pod.metadata.labels, specOf(p).podSelector ?? {}),
    );
}

/**
 * Whether the policies let `source` open a connection to `dest` on `port`: `dest`'s ingress policies must admit it
 * and `source`'s egress policies must let it out (no selecting policy in a direction: allowed). An ipBlock peer is
 * not judged (pod addresses are not matched against CIDRs) and counts as allowing, so a doubt never reports a block.
 * Returns the policies that block, by direction; empty when allowed.
 */
export function blockingPolicies(
  index: SnapshotIndex,
  source: KubeObject,
  dest: KubeObject,
  port: TargetPort,
): { direction: 'Ingress' | 'Egress'; policies: KubeObject[] } | undefined {
  const check = (direction: 'Ingress' | 'Egress', selected: KubeObject, other: KubeObject) => {
    const policies = isolatingPolicies(index, selected, direction);
    if (policies.length === 0) return undefined;
    const admitted = policies.some((policy) =>
      ((direction === 'Ingress' ? specOf(policy).ingress : specOf(policy).egress) ?? []).some((rule) => {
        if (!portMatches(rule, port)) return false;
        const peers = direction === 'Ingress' ? rule.from : rule.to;
        if (!peers || peers.length === 0) return true;
        return peers.some((peer) => peerMatches(index, policy, peer, other) !== false);
      }),
    );
    return admitted ? undefined : { direction, policies };
  };
  return check('Ingress', dest, source) ?? check('Egress', source, dest);
}

import { type LabelSelector, matchesSelector } from './labelSelector.js';

/** One end of a connection: a pod's namespace, labels, IP and (for the receiving end) its container ports. */
export interface PodEnd {
  namespace: string;
  labels?: Record<string, string>;
  ip?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
}

/** A connection attempt from one pod to a port of another, after Service addresses were translated to pod ones. */
export interface Connection {
  from: PodEnd;
  to: PodEnd;
  port: number;
  /** `TCP` (the default), `UDP` or `SCTP`. */
  protocol?: string;
}

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}

/**
 * The part of a `networking.k8s.io/v1` NetworkPolicy the decision reads.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export interface NetworkPolicyLike {
  metadata: { name: string; namespace?: string };
  spec?: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
  };
}

/** What the network does with a connection, and which policies isolate the pod that refused it. */
export type Verdict = { allowed: true } | { allowed: false; direction: 'egress' | 'ingress'; isolatedBy: string[] };

/** The policy types of a policy: as written, else `Ingress` plus `Egress` when it has egress rules. */
export function policyTypes(policy: NetworkPolicyLike): string[] {
  const spec = policy.spec ?? {};
  if (spec.policyTypes && spec.policyTypes.length > 0) return spec.policyTypes;
  return spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

function ipv4(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Whether an IPv4 address lies in a CIDR block (`10.0.0.0/8`); IPv6 or malformed input never matches. */
export function inCidr(address: string, cidr: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const ip = ipv4(address);
  const net = ipv4(base);
  const bits = Number(bitsText);
  if (ip === undefined || net === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(net / size);
}

function peerMatches(
  peer: PolicyPeer,
  policyNamespace: string,
  pod: PodEnd,
  namespaceLabels: (namespace: string) => Record<string, string> | undefined,
): boolean {
  if (peer.ipBlock) {
    if (!pod.ip || !inCidr(pod.ip, peer.ipBlock.cidr)) return false;
    return !(peer.ipBlock.except ?? []).some((cidr) => inCidr(pod.ip!, cidr));
  }
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  if (peer.namespaceSelector) {
    if (!matchesSelector(peer.namespaceSelector, namespaceLabels(pod.namespace) ?? {})) return false;
  } else if (pod.namespace !== policyNamespace) return false;
  return matchesSelector(peer.podSelector, pod.labels ?? {});
}

function portMatches(rulePort: PolicyPort, connection: Connection): boolean {
  const protocol = connection.protocol ?? 'TCP';
  if ((rulePort.protocol ?? 'TCP') !== protocol) return false;
  if (rulePort.port === undefined) return true;
  if (typeof rulePort.port === 'number') {
    const end = rulePort.endPort ?? rulePort.port;
    return connection.port >= rulePort.port && connection.port <= end;
  }
  return (connection.to.ports ?? []).some(
    (p) => p.name === rulePort.port && (p.protocol ?? 'TCP') === protocol && p.containerPort === connection.port,
  );
}

function ruleAllows(
  rule: PolicyRule,
  peers: PolicyPeer[] | undefined,
  policyNamespace: string,
  other: PodEnd,
  connection: Connection,
  namespaceLabels: (namespace: string) => Record<string, string> | undefined,
): boolean {
  const portOk = !rule.ports || rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, connection));
  if (!portOk) return false;
  return (
    !peers || peers.length === 0 || peers.some((peer) => peerMatches(peer, policyNamespace, other, namespaceLabels))
  );
}

function selecting(policies: NetworkPolicyLike[], pod: PodEnd, type: 'Ingress' | 'Egress'): NetworkPolicyLike[] {
  return policies.filter(
    (p) =>
      (p.metadata.namespace ?? 'default') === pod.namespace &&
      policyTypes(p).includes(type) &&
      matchesSelector(p.spec?.podSelector ?? {}, pod.labels ?? {}),
  );
}

/**
 * Decides a connection as a CNI that enforces NetworkPolicies does: the sending pod's egress must allow it when any
 * policy of type Egress selects that pod, and the receiving pod's ingress must allow it when any policy of type
 * Ingress selects that one. A rule allows a peer by `podSelector` (in the policy's namespace), `namespaceSelector`,
 * both together, or `ipBlock` (with `except`), and a port by number (with `endPort`), name (the receiving
 * container's port of that name) and protocol; rules without peers or ports allow all of them. Policies add up: one
 * allowing rule is enough. A pod reaching its own address is always allowed.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export function decideConnection(
  connection: Connection,
  policies: NetworkPolicyLike[],
  namespaceLabels: (namespace: string) => Record<string, string> | undefined = () => undefined,
): Verdict {
  const { from, to } = connection;
  if (from.ip !== undefined && from.ip === to.ip) return { allowed: true };
  const egress = selecting(policies, from, 'Egress');
  if (
    egress.length > 0 &&
    !egress.some((p) =>
      (p.spec?.egress ?? []).some((rule) =>
        ruleAllows(rule, rule.to, p.metadata.namespace ?? 'default', to, connection, namespaceLabels),
      ),
    )
  )
    return { allowed: false, direction: 'egress', isolatedBy: egress.map((p) => p.metadata.name) };
  const ingress = selecting(policies, to, 'Ingress');
  if (
    ingress.length > 0 &&
    !ingress.some((p) =>
      (p.spec?.ingress ?? []).some((rule) =>
        ruleAllows(rule, rule.from, p.metadata.namespace ?? 'default', from, connection, namespaceLabels),
      ),
    )
  )
    return { allowed: false, direction: 'ingress', isolatedBy: ingress.map((p) => p.metadata.name) };
  return { allowed: true };
}

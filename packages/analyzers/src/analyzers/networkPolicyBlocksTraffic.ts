import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { podSpecOf } from '../kubeTypes.js';
import { blockingPolicies, type TargetPort } from '../networkReachability.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot, type SnapshotIndex } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'networkpolicy-blocks-traffic';
const HOST = /[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?/g;

interface ServicePort {
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

/** Services a pod's configuration names as hosts (`http://backend:8080`, `db.shop.svc.cluster.local`), with the port. */
function referencedServices(
  index: SnapshotIndex,
  pod: KubeObject,
): { svc: KubeObject; port?: number; where: string }[] {
  const ns = pod.metadata.namespace;
  const found = new Map<string, { svc: KubeObject; port?: number; where: string }>();
  for (const c of podSpecOf(pod).containers) {
    const texts: [string, string][] = [
      ...(c.env ?? []).filter((e) => e.value).map((e): [string, string] => [`env[${e.name}]`, e.value!]),
      ...[...(c.command ?? []), ...(c.args ?? [])].map((a, i): [string, string] => [`args[${i}]`, a]),
    ];
    for (const [field, text] of texts) {
      for (const match of text.toLowerCase().matchAll(HOST)) {
        const [host = '', portText] = match[0].split(':');
        const parts = host.split('.');
        const name = parts[0] ?? '';
        const svcNs = parts.length > 1 ? parts[1] : ns;
        if (
          parts.length > 1 &&
          parts.slice(2).join('.') !== '' &&
          !/^svc(\.cluster\.local)?$/.test(parts.slice(2).join('.'))
        )
          continue;
        const svc = index.get('Service', svcNs, name);
        if (!svc || svc.metadata.name === topOwner(index, pod).metadata.name) continue;
        const key = `${svcNs}/${name}`;
        if (!found.has(key))
          found.set(key, {
            svc,
            ...(portText ? { port: Number(portText) } : {}),
            where: `spec.containers[${c.name}].${field}`,
          });
      }
    }
  }
  return [...found.values()];
}

/** The backend container port a Service port reaches on a pod. */
function targetOf(pod: KubeObject, port: ServicePort): TargetPort | undefined {
  const declared = podSpecOf(pod).containers.flatMap((c) => c.ports ?? []);
  const tp = port.targetPort ?? port.port;
  const protocol = port.protocol ?? 'TCP';
  if (typeof tp === 'number')
    return { port: tp, protocol, ...withName(declared.find((p) => p.containerPort === tp)?.name) };
  const named = declared.find((p) => p.name === tp);
  return named ? { port: named.containerPort, name: tp, protocol } : undefined;
}

function withName(name: string | undefined) {
  return name ? { name } : {};
}

/** Labels that pick a workload's pods (the pod's labels without the per-revision hash). */
function stableLabels(pod: KubeObject): Record<string, string> {
  const {
    'pod-template-hash': _h,
    'controller-revision-hash': _c,
    'pod-template-generation': _g,
    ...rest
  } = pod.metadata.labels ?? {};
  return rest;
}

/**
 * NetworkPolicies that cut a workload off a Service it is configured to call: the client's env or arguments name
 * the Service as a host, and reachability computed from every policy selecting the backend's pods (ingress) and
 * the client's pods (egress) refuses the connection on the Service's target port. Reported once per policy, client
 * and Service, on the policy that isolates; the fix adds the rule admitting the client's pods on that port.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export const networkPolicyBlocksTraffic = defineAnalyzer({
  id: ID,
  kinds: ['NetworkPolicy', 'Pod', 'Service', 'Namespace'],
  description: 'NetworkPolicies that cut a workload off a Service it calls',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings = new Map<string, Finding>();
    if (index.of('NetworkPolicy').length === 0) return [];
    const seenOwners = new Set<KubeObject>();
    for (const client of index.of('Pod')) {
      const owner = topOwner(index, client);
      if (seenOwners.has(owner)) continue;
      seenOwners.add(owner);
      for (const ref of referencedServices(index, client)) {
        const spec = (ref.svc.spec ?? {}) as { selector?: Record<string, string>; ports?: ServicePort[] };
        const backend = index.selectPods(ref.svc.metadata.namespace, spec.selector)[0];
        const port = spec.ports?.find((p) => p.port === ref.port) ?? spec.ports?.[0];
        if (!backend || !port) continue;
        const target = targetOf(backend, port);
        if (!target) continue;
        const blocked = blockingPolicies(index, client, backend, target);
        if (!blocked) continue;
        const policy = blocked.policies[0]!;
        const ingress = blocked.direction === 'Ingress';
        const peer = ingress
          ? {
              podSelector: { matchLabels: stableLabels(client) },
              ...(client.metadata.namespace !== policy.metadata.namespace
                ? {
                    namespaceSelector: {
                      matchLabels: { 'kubernetes.io/metadata.name': client.metadata.namespace ?? 'default' },
                    },
                  }
                : {}),
            }
          : {
              podSelector: { matchLabels: stableLabels(backend) },
              ...(backend.metadata.namespace !== policy.metadata.namespace
                ? {
                    namespaceSelector: {
                      matchLabels: { 'kubernetes.io/metadata.name': backend.metadata.namespace ?? 'default' },
                    },
                  }
                : {}),
            };
        const rule = { [ingress ? 'from' : 'to']: [peer], ports: [{ port: target.port, protocol: target.protocol }] };
        const list = ingress ? 'ingress' : 'egress';
        const existing = (policy.spec as Record<string, unknown[] | undefined>)[list];
        const body = existing
          ? [{ op: 'add', path: `/spec/${list}/-`, value: rule }]
          : [{ op: 'add', path: `/spec/${list}`, value: [rule] }];
        const f = findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: policy,
          key: `${owner.kind.toLowerCase()}/${owner.metadata.namespace}/${owner.metadata.name}->${ref.svc.metadata.namespace}/${ref.svc.metadata.name}`,
          message: ingress
            ? `NetworkPolicy ${nameOf(policy)} cuts ${owner.kind} ${nameOf(owner)} off Service ${nameOf(ref.svc)} (port ${target.port}): no ingress rule of the policies selecting its pods admits ${owner.metadata.name}'s pods`
            : `NetworkPolicy ${nameOf(policy)} cuts ${owner.kind} ${nameOf(owner)} off Service ${nameOf(ref.svc)} (port ${target.port}): no egress rule of the policies selecting ${owner.metadata.name}'s pods lets them reach it`,
          evidence: [
            fieldEvidence(client, ref.where, `names Service ${ref.svc.metadata.name}`),
            ...blocked.policies.map((p) => fieldEvidence(p, 'spec', p.spec)),
          ],
          sensitive: [owner.metadata.name, ref.svc.metadata.name],
          proposedFix: {
            description: `Add a${ingress ? 'n ingress' : 'n egress'} rule to ${policy.metadata.name} admitting ${owner.metadata.name}'s pods on port ${target.port}`,
            patch: { type: 'json', body },
            command: `kubectl patch networkpolicy ${policy.metadata.name} -n ${policy.metadata.namespace ?? 'default'} --type json -p '${JSON.stringify(body)}'`,
          },
          docsUrl: DOCS.networkPolicies,
        });
        if (!findings.has(f.id)) findings.set(f.id, f);
      }
    }
    return [...findings.values()];
  },
});

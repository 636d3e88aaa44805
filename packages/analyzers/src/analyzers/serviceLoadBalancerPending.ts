import { defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { eventEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { ageMs, nameOf } from '../podHelpers.js';
import { eventFields, indexSnapshot, type SnapshotIndex } from '../snapshotIndex.js';

const ID = 'service-loadbalancer-pending';
const GRACE_MS = 5 * 60_000;
/** Events a load-balancer controller leaves on the Services it handles. */
const CONTROLLER_EVENTS =
  /EnsuringLoadBalancer|EnsuredLoadBalancer|SyncLoadBalancerFailed|IPAllocated|AllocationFailed/;

/** Whether anything in the cluster looks like a load-balancer controller (cloud provider, MetalLB, kube-vip…). */
function controllerSigns(index: SnapshotIndex, svc: KubeObject): boolean {
  if (index.of('Node').some((n) => (n.spec as { providerID?: string } | undefined)?.providerID)) return true;
  if (index.eventsFor(svc).some((e) => CONTROLLER_EVENTS.test(eventFields(e).reason ?? ''))) return true;
  return index
    .of('Pod')
    .some((p) => /metallb|kube-vip|cloud-controller|load-balancer-controller|cilium-operator/.test(p.metadata.name));
}

/**
 * LoadBalancer Services still without an address five minutes after creation. With no sign of a load-balancer
 * controller (no cloud provider on the nodes, no controller events, no MetalLB-like pods) nothing will ever assign
 * one; otherwise the controller's events say why it fails.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
 */
export const serviceLoadBalancerPending = defineAnalyzer({
  id: ID,
  kinds: ['Service', 'Node', 'Pod', 'Event'],
  description: 'LoadBalancer Services that get no address',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const svc of index.of('Service')) {
      const spec = (svc.spec ?? {}) as { type?: string; loadBalancerClass?: string };
      if (spec.type !== 'LoadBalancer') continue;
      const ingress = (svc.status as { loadBalancer?: { ingress?: unknown[] } } | undefined)?.loadBalancer?.ingress;
      if ((ingress ?? []).length > 0) continue;
      if (ageMs(svc.metadata.creationTimestamp, ctx.now) < GRACE_MS) continue;
      const controller = controllerSigns(index, svc);
      const failures = index.eventsFor(svc).filter((e) => eventFields(e).type === 'Warning');
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: svc,
          message: controller
            ? `LoadBalancer Service ${nameOf(svc)} has no external address: the load-balancer controller has not provisioned one${failures.length ? ` (${eventFields(failures.at(-1)!).message ?? ''})` : ''}`
            : `LoadBalancer Service ${nameOf(svc)} has no external address and nothing in the cluster provisions load balancers (no cloud provider on the nodes, no MetalLB or similar)`,
          evidence: [
            fieldEvidence(
              svc,
              'status.loadBalancer',
              (svc.status as { loadBalancer?: unknown } | undefined)?.loadBalancer ?? {},
            ),
            ...failures.slice(-2).map(eventEvidence),
          ],
          proposedFix: controller
            ? {
                description:
                  'Read the controller’s events and logs for the reason (quota, subnet, annotations) and fix it',
                command: `kubectl describe service ${svc.metadata.name} -n ${svc.metadata.namespace ?? 'default'}`,
              }
            : {
                description:
                  'Install a load-balancer implementation (MetalLB, kube-vip, the cloud controller manager), or expose the Service as NodePort or through an Ingress',
                patch: { type: 'merge', body: { spec: { type: 'NodePort' } } },
                command: `kubectl patch service ${svc.metadata.name} -n ${svc.metadata.namespace ?? 'default'} --type merge -p '{"spec":{"type":"NodePort"}}'`,
              },
          docsUrl: DOCS.loadBalancer,
        }),
      );
    }
    return findings;
  },
});

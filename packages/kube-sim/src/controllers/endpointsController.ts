import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { controllerRef, unversioned } from './ownership.js';
import { isPodReady } from './replicaSetController.js';

type Json = Record<string, unknown>;

function resolvePort(port: Json, pod: KubeObject): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  for (const c of ((pod.spec as Json).containers as Json[] | undefined) ?? []) {
    const named = ((c.ports as Json[] | undefined) ?? []).find((p) => p.name === target);
    if (named) return Number(named.containerPort);
  }
  return undefined;
}

/**
 * Keeps an Endpoints object and an EndpointSlice per Service with a selector: ready pods as addresses, unready ones
 * as notReadyAddresses — so a Service whose selector matches no ready pod has no endpoints.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#endpoints
 */
export function reconcileEndpoints(ctx: ControllerContext): void {
  const epType = ctx.type('Endpoints');
  const sliceType = ctx.type('EndpointSlice');
  const pods = ctx.store.list(ctx.type('Pod')).items;
  for (const svc of ctx.store.list(ctx.type('Service')).items) {
    if (!ctx.begin(svc)) continue;
    const spec = svc.spec as Json;
    const selector = spec.selector as Record<string, string> | undefined;
    if (!selector || Object.keys(selector).length === 0) continue;
    const matching = pods.filter(
      (p) =>
        p.metadata.namespace === svc.metadata.namespace &&
        !p.metadata.deletionTimestamp &&
        (p.status as Json | undefined)?.podIP &&
        Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v),
    );
    const address = (p: KubeObject) => ({
      ip: (p.status as Json).podIP,
      nodeName: (p.spec as Json).nodeName,
      targetRef: { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
    });
    const ready = matching.filter(isPodReady).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const notReady = matching
      .filter((p) => !isPodReady(p))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const ports = ((spec.ports as Json[] | undefined) ?? []).map((p) => ({
      name: p.name,
      port: matching[0] ? resolvePort(p, matching[0]) : undefined,
      protocol: p.protocol ?? 'TCP',
    }));
    const subsets =
      matching.length === 0
        ? []
        : [
            {
              ...(ready.length ? { addresses: ready.map(address) } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady.map(address) } : {}),
              ports,
            },
          ];
    const existing = ctx.store.find(epType, svc.metadata.namespace, svc.metadata.name);
    const body = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, labels: svc.metadata.labels },
      subsets,
    } as KubeObject;
    if (!existing) ctx.store.create(epType, body);
    else if (JSON.stringify(existing.subsets ?? []) !== JSON.stringify(subsets))
      ctx.store.update(epType, { ...unversioned(existing), subsets });
    const sliceName = `${svc.metadata.name}-sim`;
    const endpoints = matching.map((p) => ({
      addresses: [(p.status as Json).podIP],
      conditions: { ready: isPodReady(p), serving: isPodReady(p), terminating: false },
      nodeName: (p.spec as Json).nodeName,
      targetRef: address(p).targetRef,
    }));
    const slice = ctx.store.find(sliceType, svc.metadata.namespace, sliceName);
    if (!slice) {
      ctx.store.create(sliceType, {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: sliceName,
          namespace: svc.metadata.namespace,
          labels: {
            'kubernetes.io/service-name': svc.metadata.name,
            'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          },
          ownerReferences: [controllerRef(svc)],
        },
        addressType: 'IPv4',
        endpoints,
        ports,
      });
    } else if (JSON.stringify(slice.endpoints) !== JSON.stringify(endpoints)) {
      ctx.store.update(sliceType, { ...unversioned(slice), endpoints, ports });
    }
  }
}

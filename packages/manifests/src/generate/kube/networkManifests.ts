import type { IngressSpec, NetworkPolicySpec, ServiceSpec } from './manifestSpecs.js';
import { objectMeta, selectorLabels } from './objectMeta.js';
import type { Manifest } from './workloadManifests.js';

/**
 * A Service selecting the pods of `target` (default its own name) by their standard labels.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export function serviceManifest(spec: ServiceSpec): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(spec),
    spec: {
      type: spec.serviceType,
      selector: selectorLabels(spec.target ?? spec.name),
      ports: [{ name: 'http', port: spec.port, targetPort: spec.targetPort ?? spec.port, protocol: 'TCP' }],
    },
  };
}

/**
 * An Ingress sending `host` + `path` (Prefix) to a Service, with TLS from `<name>-tls` when asked.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/
 */
export function ingressManifest(spec: IngressSpec): Manifest {
  const rule = {
    ...(spec.host ? { host: spec.host } : {}),
    http: {
      paths: [
        {
          path: spec.path,
          pathType: 'Prefix',
          backend: { service: { name: spec.target ?? spec.name, port: { number: spec.port } } },
        },
      ],
    },
  };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(spec),
    spec: {
      ...(spec.ingressClass ? { ingressClassName: spec.ingressClass } : {}),
      ...(spec.tls && spec.host
        ? { tls: [{ hosts: [spec.host], secretName: spec.tlsSecret ?? `${spec.name}-tls` }] }
        : {}),
      rules: [rule],
    },
  };
}

/**
 * A NetworkPolicy on the pods of `target`: with `deny all` no ingress at all; with `allow from a b` only from those
 * apps' pods; otherwise from pods of the same namespace. Only `port` when one is given.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export function networkPolicyManifest(spec: NetworkPolicySpec): Manifest {
  const peers =
    spec.allowFrom.length > 0
      ? spec.allowFrom.map((app) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': app } } }))
      : [{ podSelector: {} }];
  const rule = { from: peers, ...(spec.port ? { ports: [{ protocol: 'TCP', port: spec.port }] } : {}) };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(spec),
    spec: {
      podSelector: { matchLabels: selectorLabels(spec.target ?? spec.name) },
      policyTypes: ['Ingress'],
      ingress: spec.denyAll ? [] : [rule],
    },
  };
}

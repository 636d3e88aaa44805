import { kubeRule } from '../kubeRule.js';

/**
 * NodePort Services open a port on every node; prefer ClusterIP behind an Ingress or a LoadBalancer.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
 */
export const serviceNodePort = kubeRule({
  id: 'service-node-port',
  appliesTo: ['Service'],
  category: 'security',
  severity: 'INFO',
  description: 'Services should not be of type NodePort',
  fix: 'use type ClusterIP with an Ingress, or LoadBalancer',
  check: (obj) =>
    obj.spec?.type === 'NodePort' ? [{ message: 'the Service opens a port on every node', path: 'spec.type' }] : [],
});

import { kubeRule } from '../kubeRule.js';

/**
 * Ingresses should terminate TLS so traffic from clients is encrypted.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
 */
export const ingressTls = kubeRule({
  id: 'ingress-tls',
  appliesTo: ['Ingress'],
  category: 'security',
  severity: 'WARNING',
  description: 'Ingresses should configure TLS',
  fix: 'add spec.tls with the hosts and a certificate Secret',
  check: (obj) =>
    Array.isArray(obj.spec?.tls) && obj.spec.tls.length > 0
      ? []
      : [{ message: 'the Ingress serves plain HTTP (no spec.tls)', path: 'spec' }],
});

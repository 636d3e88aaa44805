import { kubeRule } from '@opspilot/manifests';

/**
 * A rule without a host, or with a wildcard host, answers for every name pointed at the load balancer.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards
 */
export const ingressWildcardHost = kubeRule({
  id: 'ingress-wildcard-host',
  appliesTo: ['Ingress'],
  category: 'security',
  severity: 'WARNING',
  description: 'Ingress rules should name an exact host',
  fix: 'set rules[].host to the exact host name served',
  check: (obj) =>
    (Array.isArray(obj.spec?.rules) ? obj.spec.rules : []).flatMap((r: { host?: unknown }, i: number) =>
      typeof r?.host !== 'string' || r.host === '' || r.host.includes('*')
        ? [
            {
              message: `rule ${i} serves ${typeof r?.host === 'string' && r.host ? `wildcard host ${r.host}` : 'any host'}`,
              path: `spec.rules[${i}]`,
            },
          ]
        : [],
    ),
});

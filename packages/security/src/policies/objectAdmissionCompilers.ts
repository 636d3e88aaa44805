import { ANY, type Compiled, cel, INGRESSES, list, type Params, SERVICES } from './celText.js';

const HAS_TLS = 'has(object.spec.tls) && size(object.spec.tls) > 0';

/** CEL forms of the object-level templates (annotations, Ingress TLS and hosts, Service external IPs). */
export const OBJECT_COMPILERS: Record<string, (p: Params) => Compiled> = {
  k8srequiredannotations: (p) => ({
    resources: ANY,
    validations: (p.annotations as { key: string; allowedRegex?: string }[]).map((a) => ({
      expression: `has(object.metadata.annotations) && ${cel(a.key)} in object.metadata.annotations${
        a.allowedRegex ? ` && object.metadata.annotations[${cel(a.key)}].matches(${cel(a.allowedRegex)})` : ''
      }`,
      message: `the annotation ${a.key} is required${a.allowedRegex ? ` and must match ${a.allowedRegex}` : ''}`,
    })),
  }),
  k8shttpsonly: (p) => ({
    resources: INGRESSES,
    validations: [
      {
        expression:
          "has(object.metadata.annotations) && 'kubernetes.io/ingress.allow-http' in object.metadata.annotations && object.metadata.annotations['kubernetes.io/ingress.allow-http'] == 'false'",
        message: 'Ingresses must set kubernetes.io/ingress.allow-http: "false"',
      },
      ...(p.tlsOptional ? [] : [{ expression: HAS_TLS, message: 'Ingresses must configure TLS' }]),
    ],
  }),
  k8singresstls: () => ({
    resources: INGRESSES,
    validations: [
      { expression: HAS_TLS, message: 'Ingresses must configure TLS' },
      {
        expression:
          "!has(object.spec.rules) || !has(object.spec.tls) || object.spec.rules.all(r, !has(r.host) || r.host == '' || object.spec.tls.exists(t, has(t.hosts) && r.host in t.hosts))",
        message: 'every host of an Ingress must be covered by its TLS section',
        messageExpression:
          "'hosts not covered by TLS: ' + object.spec.rules.filter(r, has(r.host) && r.host != '' && !object.spec.tls.exists(t, has(t.hosts) && r.host in t.hosts)).map(r, r.host).join(', ')",
      },
    ],
  }),
  k8sblockwildcardingress: () => ({
    resources: INGRESSES,
    validations: [
      {
        expression:
          "!has(object.spec.rules) || object.spec.rules.all(r, has(r.host) && r.host != '' && !r.host.contains('*'))",
        message: 'Ingress rules must name an exact host (no empty host, no wildcard)',
      },
    ],
  }),
  k8sexternalips: (p) => ({
    resources: SERVICES,
    validations: [
      {
        expression: `!has(object.spec.externalIPs) || object.spec.externalIPs.all(ip, ip in ${list(p.allowedIPs as string[])})`,
        message: (p.allowedIPs as string[]).length
          ? `Services may use only the external IPs ${(p.allowedIPs as string[]).join(', ')}`
          : 'Services may not use external IPs',
      },
    ],
  }),
};

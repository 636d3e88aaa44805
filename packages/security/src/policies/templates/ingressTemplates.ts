import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';

const hosts = (obj: { spec?: { rules?: unknown } }) =>
  (Array.isArray(obj.spec?.rules) ? obj.spec.rules : []).map((r: { host?: unknown }) =>
    typeof r?.host === 'string' ? r.host : '',
  );

/** Gatekeeper `k8shttpsonly`: TLS configured and `kubernetes.io/ingress.allow-http: "false"`. */
export const httpsOnly = defineTemplate({
  id: 'k8shttpsonly',
  title: 'HTTPS only',
  description: 'Ingresses must configure TLS and set kubernetes.io/ingress.allow-http: "false"',
  kinds: ['Ingress'],
  parameters: z.object({ tlsOptional: z.boolean().default(false) }),
  keywords: ['https', 'http', 'plain', 'allow-http', 'encrypted'],
  check: (obj, p) => {
    const out: string[] = [];
    if (obj.metadata?.annotations?.['kubernetes.io/ingress.allow-http'] !== 'false')
      out.push('the Ingress does not set kubernetes.io/ingress.allow-http: "false"');
    if (!p.tlsOptional && !(Array.isArray(obj.spec?.tls) && obj.spec.tls.length > 0))
      out.push('the Ingress has no TLS');
    return out;
  },
});

/** Every host of an Ingress is covered by its TLS section. */
export const ingressTls = defineTemplate({
  id: 'k8singresstls',
  title: 'TLS-required Ingress',
  description: 'Every host an Ingress serves must be listed in its TLS section',
  kinds: ['Ingress'],
  parameters: z.object({}),
  keywords: ['tls', 'certificate', 'ssl', 'ingress', 'encrypted'],
  check: (obj) => {
    const tls = Array.isArray(obj.spec?.tls) ? obj.spec.tls : [];
    if (tls.length === 0) return ['the Ingress has no TLS'];
    const covered = new Set(tls.flatMap((t: { hosts?: unknown }) => (Array.isArray(t?.hosts) ? t.hosts : [])));
    return hosts(obj)
      .filter((h: string) => h !== '' && !covered.has(h))
      .map((h: string) => `host ${h} is not covered by TLS`);
  },
});

/** Gatekeeper `k8suniqueingresshost`: no two Ingresses serve the same host. */
export const uniqueIngressHost = defineTemplate({
  id: 'k8suniqueingresshost',
  title: 'Unique Ingress host',
  description: 'No two Ingresses may serve the same host',
  kinds: ['Ingress'],
  parameters: z.object({}),
  keywords: ['host', 'hostname', 'unique', 'same host', 'duplicate', 'ingress'],
  check: (obj, _p, ctx) => {
    const mine = new Set(hosts(obj).filter(Boolean));
    return ctx
      .byKind('Ingress')
      .filter(
        (i) =>
          i.obj !== obj &&
          `${i.obj.metadata?.namespace}/${i.obj.metadata?.name}` !== `${obj.metadata?.namespace}/${obj.metadata?.name}`,
      )
      .flatMap((i) =>
        hosts(i.obj)
          .filter((h: string) => mine.has(h))
          .map(
            (h: string) =>
              `host ${h} is also served by Ingress ${i.obj.metadata?.namespace ?? 'default'}/${i.obj.metadata?.name}`,
          ),
      );
  },
});

/** Gatekeeper `k8sblockwildcardingress`: no empty or wildcard hosts. */
export const blockWildcardIngress = defineTemplate({
  id: 'k8sblockwildcardingress',
  title: 'Block wildcard Ingress hosts',
  description: 'Ingress rules must name an exact host (no empty host, no *)',
  kinds: ['Ingress'],
  parameters: z.object({}),
  keywords: ['wildcard', 'any host', 'catch-all', 'ingress', 'host'],
  check: (obj) =>
    hosts(obj)
      .filter((h: string) => h === '' || h.includes('*'))
      .map((h: string) => (h === '' ? 'a rule serves any host' : `a rule serves the wildcard host ${h}`)),
});

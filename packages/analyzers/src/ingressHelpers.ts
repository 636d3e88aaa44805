import type { KubeObject } from '@opspilot/core';

/** A backend of an Ingress: the Service it routes to, and where in the spec it is named. */
export interface IngressBackend {
  service: string;
  port?: { number?: number; name?: string };
  path: string;
}

interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
}

interface IngressSpec {
  defaultBackend?: Backend;
  rules?: { host?: string; http?: { paths?: { path?: string; backend?: Backend }[] } }[];
}

/** Every Service backend an Ingress routes to, with its spec path for evidence. */
export function ingressBackends(ingress: KubeObject): IngressBackend[] {
  const spec = (ingress.spec ?? {}) as IngressSpec;
  const out: IngressBackend[] = [];
  if (spec.defaultBackend?.service) {
    out.push({
      service: spec.defaultBackend.service.name,
      port: spec.defaultBackend.service.port,
      path: 'spec.defaultBackend',
    });
  }
  (spec.rules ?? []).forEach((rule, r) => {
    (rule.http?.paths ?? []).forEach((p, i) => {
      if (p.backend?.service) {
        out.push({
          service: p.backend.service.name,
          port: p.backend.service.port,
          path: `spec.rules[${r}].http.paths[${i}].backend`,
        });
      }
    });
  });
  return out;
}

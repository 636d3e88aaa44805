import { kubeRule, namespaceOf } from '../kubeRule.js';

interface Backend {
  service?: { name?: string; port?: { number?: number; name?: string } };
}

/**
 * An Ingress backend must name a Service (and one of its ports) that exists, or requests get a 503. Checked
 * only when the input holds Services of the Ingress's namespace.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource
 */
export const ingressBackendService = kubeRule({
  id: 'ingress-backend-service',
  appliesTo: ['Ingress'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'Ingress backends must name a Service and port of the input',
  fix: 'fix the backend service name and port to match the Service',
  check: (obj, ctx) => {
    const services = ctx.inNamespace('Service', namespaceOf(obj));
    if (services.length === 0) return [];
    const backends: [Backend, string][] = [];
    if (obj.spec?.defaultBackend) backends.push([obj.spec.defaultBackend, 'spec.defaultBackend']);
    for (const [i, rule] of (Array.isArray(obj.spec?.rules) ? obj.spec.rules : []).entries()) {
      for (const [j, p] of (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).entries()) {
        if (p?.backend) backends.push([p.backend, `spec.rules[${i}].http.paths[${j}].backend`]);
      }
    }
    return backends.flatMap(([b, path]) => {
      if (!b.service) return [];
      const svc = services.find((s) => s.obj.metadata?.name === b.service?.name);
      if (!svc)
        return [
          { message: `backend Service "${String(b.service.name)}" is not in the input`, path: `${path}.service.name` },
        ];
      const ports = Array.isArray(svc.obj.spec?.ports) ? svc.obj.spec.ports : [];
      const want = b.service.port;
      const ok = ports.some((p: { port?: number; name?: string }) =>
        want?.number !== undefined ? p?.port === want.number : p?.name === want?.name,
      );
      return ok
        ? []
        : [
            {
              message: `Service "${b.service.name}" has no port ${want?.number ?? want?.name}`,
              path: `${path}.service.port`,
            },
          ];
    });
  },
});

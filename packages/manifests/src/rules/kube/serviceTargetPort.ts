import { containersOf } from '../../kube/podSpec.js';
import { kubeRule, namespaceOf } from '../kubeRule.js';
import { workloadsSelectedBy } from '../selectWorkloads.js';

/**
 * Each Service port's targetPort must be a port a container of the selected workload exposes (by name or
 * number); otherwise traffic goes nowhere. A numeric targetPort is not judged when a selected container declares
 * no ports (the API documents `ports` as informational); a named one must always be declared.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
 */
export const serviceTargetPort = kubeRule({
  id: 'service-target-port',
  appliesTo: ['Service'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Service targetPort must be exposed by a container of the selected workload',
  fix: 'set targetPort to a containerPort (number or name) of the selected pods',
  check: (obj, ctx) => {
    const workloads = workloadsSelectedBy(ctx, namespaceOf(obj), obj.spec?.selector);
    if (workloads.length === 0) return [];
    const names = new Set<unknown>();
    const numbers = new Set<unknown>();
    // `ports` is informational: a container declaring none may listen anywhere, so a number cannot be judged.
    let undeclared = false;
    for (const w of workloads) {
      for (const { c } of containersOf(w.obj, false)) {
        if (!Array.isArray(c.ports) || c.ports.length === 0) undeclared = true;
        for (const p of Array.isArray(c.ports) ? c.ports : []) {
          names.add(p?.name);
          numbers.add(p?.containerPort);
        }
      }
    }
    const ports = Array.isArray(obj.spec?.ports) ? obj.spec.ports : [];
    return ports.flatMap((p: { port?: unknown; targetPort?: unknown }, i: number) => {
      const target = p?.targetPort ?? p?.port;
      const found = typeof target === 'string' ? names.has(target) : numbers.has(target) || undeclared;
      if (found) return [];
      return [
        {
          message: `targetPort ${String(target)} is not exposed by ${workloads.map((w) => w.ref).join(', ')}`,
          path: `spec.ports[${i}]${p?.targetPort === undefined ? '' : '.targetPort'}`,
        },
      ];
    });
  },
});

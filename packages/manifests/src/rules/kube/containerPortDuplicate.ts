import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Two ports with the same name (or number and protocol) in one pod make Services and probes ambiguous.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
 */
export const containerPortDuplicate = kubeRule({
  id: 'container-port-duplicate',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'Container port names and numbers must be unique within a pod',
  fix: 'remove or rename the duplicate port',
  check: (obj) => {
    const seen = new Set<string>();
    return containersOf(obj, false).flatMap(({ c, path, name }) =>
      (Array.isArray(c.ports) ? c.ports : []).flatMap(
        (p: { name?: unknown; containerPort?: unknown; protocol?: unknown }, i: number) => {
          const keys = [`#${String(p?.containerPort)}/${String(p?.protocol ?? 'TCP')}`];
          if (typeof p?.name === 'string') keys.push(`name:${p.name}`);
          const dup = keys.find((k) => seen.has(k));
          for (const k of keys) seen.add(k);
          return dup
            ? [
                {
                  message: `container "${name}" repeats port ${dup.replace(/^#|^name:/, '')}`,
                  path: `${path}.ports[${i}]`,
                },
              ]
            : [];
        },
      ),
    );
  },
});

import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { parseQuantity } from '../../kube/quantity.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Quantities such as `1GB` or `500 m` are not Kubernetes quantities and are rejected by the API server.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export const resourceQuantityValid = kubeRule({
  id: 'resource-quantity-valid',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'ERROR',
  description: 'Resource requests and limits must be valid quantities',
  fix: 'write quantities like 250m, 0.5, 128Mi or 1Gi',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      (['requests', 'limits'] as const).flatMap((kind) => {
        const values = c.resources?.[kind];
        if (typeof values !== 'object' || values === null) return [];
        return Object.entries(values as Record<string, unknown>)
          .filter(([, v]) => parseQuantity(v) === undefined)
          .map(([res, v]) => ({
            message: `container "${name}" ${kind}.${res} "${String(v)}" is not a quantity`,
            path: `${path}.resources.${kind}.${res}`,
          }));
      }),
    ),
});

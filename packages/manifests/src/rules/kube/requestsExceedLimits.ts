import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { parseQuantity } from '../../kube/quantity.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A request above its limit is rejected by the API server.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits
 */
export const requestsExceedLimits = kubeRule({
  id: 'requests-exceed-limits',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'ERROR',
  description: 'Resource requests must not exceed limits',
  fix: 'lower the request or raise the limit',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      const requests = c.resources?.requests ?? {};
      const limits = c.resources?.limits ?? {};
      if (typeof requests !== 'object' || typeof limits !== 'object' || !requests || !limits) return [];
      return Object.keys(requests).flatMap((res) => {
        const r = parseQuantity(requests[res]);
        const l = parseQuantity(limits[res]);
        if (r === undefined || l === undefined || r <= l) return [];
        return [
          {
            message: `container "${name}" requests ${String(requests[res])} ${res}, above its limit ${String(limits[res])}`,
            path: `${path}.resources.requests.${res}`,
          },
        ];
      });
    }),
});

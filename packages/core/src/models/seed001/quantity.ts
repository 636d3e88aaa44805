import { z } from 'zod';

/**
 * A Kubernetes resource quantity such as `500m`, `2`, `512Mi`, `1.5Gi` or `1e3`, used in requests and limits.
 * Refusing a malformed one here (`512MB`, `half`) saves a round trip to the API server.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export const Quantity = z
  .string()
  .regex(
    /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/,
    'must be a Kubernetes quantity such as 500m, 2, 512Mi or 1Gi',
  );
export type Quantity = z.infer<typeof Quantity>;

/**
 * Requests or limits keyed by resource name, e.g. `{ cpu: '250m', memory: '256Mi', 'nvidia.com/gpu': '1' }`.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const ResourceList = z.record(z.string().min(1), Quantity);
export type ResourceList = z.infer<typeof ResourceList>;

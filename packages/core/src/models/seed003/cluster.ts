import { z } from 'zod';
import { HttpsUrl, StringMap, Timestamp, Uuid } from '../common.js';
import { ClusterCapabilities } from './clusterCapabilities.js';
import { ClusterEndpoints } from './clusterEndpoints.js';
import { ClusterStatus } from './clusterStatus.js';

/** Role of a cluster in the fleet (seed 003 §2.1). */
export const ClusterType = z.enum(['HUB', 'SPOKE', 'EDGE', 'FAR_EDGE']);
export type ClusterType = z.infer<typeof ClusterType>;

/** Distribution a cluster runs (seed 003 §2.1). */
export const ClusterPlatform = z.enum(['OPENSHIFT', 'KUBERNETES', 'MICROSHIFT']);
export type ClusterPlatform = z.infer<typeof ClusterPlatform>;

/** Environment a cluster serves (seed 003 §2.1); policies are stricter on PRODUCTION. */
export const ClusterEnvironment = z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT', 'LAB']);
export type ClusterEnvironment = z.infer<typeof ClusterEnvironment>;

/**
 * A cluster's unique, DNS-compatible name of 3 to 63 characters (seed 003 §2.1, §10), used in CLI arguments,
 * URLs and metric labels, hence the strict shape.
 */
export const ClusterName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    "must be 3 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
  );
export type ClusterName = z.infer<typeof ClusterName>;

const clusterFields = {
  name: ClusterName,
  display_name: z.string().max(128, 'must be at most 128 characters').optional(),
  api_server_url: HttpsUrl,
  cluster_type: ClusterType.default('SPOKE'),
  platform: ClusterPlatform.default('OPENSHIFT'),
  platform_version: z.string().optional(),
  region: z.string().optional(),
  environment: ClusterEnvironment.default('DEVELOPMENT'),
  capabilities: ClusterCapabilities.optional(),
  endpoints: ClusterEndpoints.optional(),
  labels: StringMap.default({}),
};

/**
 * A registered Kubernetes or OpenShift cluster (seed 003 §2.1): the root every metric, log, trace, alert and GPU
 * record points to. Its credentials live apart, see {@link ClusterCredentials}.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
export const Cluster = z.object({
  id: Uuid,
  ...clusterFields,
  status: ClusterStatus,
  created_at: Timestamp,
  updated_at: Timestamp.optional(),
  last_seen_at: Timestamp.optional(),
});
export type Cluster = z.infer<typeof Cluster>;

/**
 * What a caller supplies to register a cluster. The registry assigns the id, the timestamps and the initial
 * (`UNKNOWN`) status; health checks own the status afterwards.
 */
export const NewCluster = z.object(clusterFields);
export type NewCluster = z.input<typeof NewCluster>;

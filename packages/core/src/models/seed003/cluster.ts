import { z } from 'zod';
import { HttpsUrl, HttpUrl, StringMap, Timestamp, Uuid } from '../common.js';

/** Role of a cluster in the fleet (seed 003 §2.1). */
export const ClusterType = z.enum(['HUB', 'SPOKE', 'EDGE', 'FAR_EDGE']);
/** Distribution of a cluster (seed 003 §2.1). */
export const ClusterPlatform = z.enum(['OPENSHIFT', 'KUBERNETES', 'MICROSHIFT']);
/** Environment a cluster serves (seed 003 §2.1). */
export const ClusterEnvironment = z.enum(['PRODUCTION', 'STAGING', 'DEVELOPMENT', 'LAB']);
/** Current state of a cluster (seed 003 §2.2). */
export const ClusterState = z.enum(['ONLINE', 'OFFLINE', 'DEGRADED', 'UNKNOWN', 'PROVISIONING']);
/** Connectivity of a cluster (seed 003 §2.2). */
export const ClusterConnectivity = z.enum(['CONNECTED', 'DISCONNECTED', 'INTERMITTENT']);
/** Kinds of CNF workloads a cluster runs (seed 003 §2.3). */
export const CnfType = z.enum(['VDU', 'VCU', 'UPF', 'AMF', 'SMF', 'OTHER']);

/** Health of a cluster, refreshed by health checks (seed 003 §2.2). */
export const ClusterStatus = z.object({
  state: ClusterState.default('UNKNOWN'),
  health_score: z.number().int().min(0).max(100).optional(),
  last_error: z.string().optional(),
  connectivity: ClusterConnectivity.optional(),
  api_server_healthy: z.boolean().optional(),
  prometheus_healthy: z.boolean().optional(),
  tempo_healthy: z.boolean().optional(),
  loki_healthy: z.boolean().optional(),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

/** What was detected on a cluster (seed 003 §2.3). */
export const ClusterCapabilities = z.object({
  has_gpu_nodes: z.boolean().default(false),
  gpu_count: z.number().int().min(0).default(0),
  gpu_types: z.array(z.string()).default([]),
  has_prometheus: z.boolean().default(true),
  has_thanos: z.boolean().default(false),
  has_tempo: z.boolean().default(false),
  has_loki: z.boolean().default(false),
  has_service_mesh: z.boolean().default(false),
  has_cnf_workloads: z.boolean().default(false),
  cnf_types: z.array(CnfType).default([]),
});
export type ClusterCapabilities = z.infer<typeof ClusterCapabilities>;

/** Observability endpoints of a cluster (seed 003 §2.4). */
export const ClusterEndpoints = z.object({
  prometheus_url: HttpUrl.optional(),
  tempo_url: HttpUrl.optional(),
  loki_url: HttpUrl.optional(),
  alertmanager_url: HttpUrl.optional(),
});
export type ClusterEndpoints = z.infer<typeof ClusterEndpoints>;

/** A DNS-compatible cluster name of 3 to 63 characters (seed 003 §10). */
export const ClusterName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    "must be 3 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
  );

const clusterFields = {
  name: ClusterName,
  display_name: z.string().max(128).optional(),
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

/** A registered Kubernetes or OpenShift cluster (seed 003 §2.1). */
export const Cluster = z.object({
  id: Uuid,
  ...clusterFields,
  status: ClusterStatus,
  created_at: Timestamp,
  updated_at: Timestamp.optional(),
  last_seen_at: Timestamp.optional(),
});
export type Cluster = z.infer<typeof Cluster>;

/** What a caller supplies to register a cluster; the registry assigns id, status and timestamps. */
export const NewCluster = z.object(clusterFields);
export type NewCluster = z.input<typeof NewCluster>;

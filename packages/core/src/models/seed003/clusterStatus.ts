import { z } from 'zod';

/** Current state of a cluster, as the last health check saw it (seed 003 §2.2). */
export const ClusterState = z.enum(['ONLINE', 'OFFLINE', 'DEGRADED', 'UNKNOWN', 'PROVISIONING']);
export type ClusterState = z.infer<typeof ClusterState>;

/** Whether opspilot can reach a cluster's API server (seed 003 §2.2). */
export const ClusterConnectivity = z.enum(['CONNECTED', 'DISCONNECTED', 'INTERMITTENT']);
export type ClusterConnectivity = z.infer<typeof ClusterConnectivity>;

/**
 * Health of a cluster, rewritten by every health check (seed 003 §2.2). A cluster that was never checked is
 * `UNKNOWN`; the per-component flags stay absent until a check has looked at that component.
 */
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

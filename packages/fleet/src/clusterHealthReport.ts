import { ClusterCapabilities, ClusterEndpoints, ClusterStatus, Timestamp } from '@opspilot/core';
import { z } from 'zod';

/** Findings counted by severity. */
export const SeverityCounts = z.object({
  CRITICAL: z.number().int().min(0),
  HIGH: z.number().int().min(0),
  MEDIUM: z.number().int().min(0),
  LOW: z.number().int().min(0),
  INFO: z.number().int().min(0),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

/**
 * Everything the fleet knows about one cluster's health at one moment: the seed 003 §2.2 {@link ClusterStatus}
 * plus when it was last reached, the probe latency, the counts and findings behind the score, and the detected
 * capabilities (§2.3) and endpoints (§2.4).
 */
export const ClusterHealthReport = z.object({
  cluster: z.string().min(1),
  status: ClusterStatus,
  checked_at: Timestamp,
  last_seen_at: Timestamp.optional(),
  latency_ms: z.number().min(0).optional(),
  counts: z.object({
    nodes: z.number().int().min(0),
    nodes_ready: z.number().int().min(0),
    pods: z.number().int().min(0),
    pods_healthy: z.number().int().min(0),
  }),
  findings: SeverityCounts,
  capabilities: ClusterCapabilities,
  endpoints: ClusterEndpoints,
  has_alertmanager: z.boolean(),
  service_mesh: z.enum(['istio', 'linkerd']).optional(),
});
export type ClusterHealthReport = z.infer<typeof ClusterHealthReport>;

import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** How opspilot authenticates to a cluster (seed 003 §2.5). */
export const ClusterAuthType = z.enum(['KUBECONFIG', 'SERVICE_ACCOUNT', 'OIDC']);

/**
 * Credentials of a cluster (seed 003 §2.5). Stored encrypted (AES-256-GCM) and NEVER returned by the API: return
 * {@link PublicClusterCredentials} instead.
 */
export const ClusterCredentials = z.object({
  cluster_id: Uuid,
  auth_type: ClusterAuthType,
  kubeconfig_encrypted: z.string().optional(),
  service_account_token_secret_ref: z.string().optional(),
  prometheus_token_secret_ref: z.string().optional(),
  created_at: Timestamp,
  expires_at: Timestamp.optional(),
});
export type ClusterCredentials = z.infer<typeof ClusterCredentials>;

/** The part of {@link ClusterCredentials} that may leave the server: no secret and no secret reference. */
export const PublicClusterCredentials = ClusterCredentials.omit({
  kubeconfig_encrypted: true,
  service_account_token_secret_ref: true,
  prometheus_token_secret_ref: true,
}).extend({ has_kubeconfig: z.boolean() });
export type PublicClusterCredentials = z.infer<typeof PublicClusterCredentials>;

/** Strips secrets from credentials before they cross the API boundary. */
export function toPublicCredentials(credentials: ClusterCredentials): PublicClusterCredentials {
  const { kubeconfig_encrypted, service_account_token_secret_ref, prometheus_token_secret_ref, ...rest } = credentials;
  return { ...rest, has_kubeconfig: kubeconfig_encrypted !== undefined };
}

import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** How opspilot authenticates to a cluster (seed 003 §2.5). */
export const ClusterAuthType = z.enum(['KUBECONFIG', 'SERVICE_ACCOUNT', 'OIDC']);
export type ClusterAuthType = z.infer<typeof ClusterAuthType>;

/**
 * Credentials of a cluster (seed 003 §2.5), stored apart from the {@link Cluster}.
 *
 * SECRET: stored encrypted at rest (`kubeconfig_encrypted` holds the sealed AES-256 ciphertext) and NEVER returned
 * by the API, logged or put into a prompt. Only the code that connects to the cluster reads it; everything that
 * leaves the server uses {@link PublicClusterCredentials} via {@link toPublicCredentials}.
 */
export const ClusterCredentials = z.object({
  cluster_id: Uuid,
  auth_type: ClusterAuthType,
  kubeconfig_encrypted: z.string().min(1).optional(),
  service_account_token_secret_ref: z.string().min(1).optional(),
  prometheus_token_secret_ref: z.string().min(1).optional(),
  created_at: Timestamp,
  expires_at: Timestamp.optional(),
});
export type ClusterCredentials = z.infer<typeof ClusterCredentials>;

/**
 * The part of {@link ClusterCredentials} that may leave the server: no ciphertext and no secret reference, only
 * whether a kubeconfig is stored. Use it for every API and UI response about credentials.
 */
export const PublicClusterCredentials = ClusterCredentials.omit({
  kubeconfig_encrypted: true,
  service_account_token_secret_ref: true,
  prometheus_token_secret_ref: true,
}).extend({ has_kubeconfig: z.boolean() });
export type PublicClusterCredentials = z.infer<typeof PublicClusterCredentials>;

/** Strips every secret field from credentials before they cross the API boundary. */
export function toPublicCredentials(credentials: ClusterCredentials): PublicClusterCredentials {
  const { kubeconfig_encrypted, service_account_token_secret_ref, prometheus_token_secret_ref, ...rest } = credentials;
  return { ...rest, has_kubeconfig: kubeconfig_encrypted !== undefined };
}

import { ApiToken, Timestamp, User, Uuid } from '@opspilot/core';
import { z } from 'zod';

/** A `users` row: the user and their scrypt password hash (never leaves the server). */
export const StoredUser = User.extend({ password_hash: z.string().min(1) });
export type StoredUser = z.infer<typeof StoredUser>;

/** A `user_cluster_grants` row: the user may see and act on the cluster. */
export const ClusterGrant = z.object({ id: Uuid, user_id: Uuid, cluster_id: Uuid, created_at: Timestamp });
export type ClusterGrant = z.infer<typeof ClusterGrant>;

/** A `sessions` row: a signed-in browser. Only the SHA-256 of the cookie value is stored. */
export const StoredSession = z.object({
  id: Uuid,
  token_hash: z.string().min(1),
  user_id: Uuid,
  csrf_token: z.string().min(1),
  created_at: Timestamp,
  last_seen_at: Timestamp,
  ip: z.string().optional(),
  user_agent: z.string().optional(),
});
export type StoredSession = z.infer<typeof StoredSession>;

/** An `api_tokens` row: the listed token and the SHA-256 of its secret. */
export const StoredApiToken = ApiToken.extend({ token_hash: z.string().min(1) });
export type StoredApiToken = z.infer<typeof StoredApiToken>;

/** A `login_attempts` row, kept for per-user and per-address rate limiting. */
export const LoginAttempt = z.object({
  id: Uuid,
  username: z.string(),
  ip: z.string(),
  succeeded: z.boolean(),
  attempted_at: Timestamp,
});
export type LoginAttempt = z.infer<typeof LoginAttempt>;

/**
 * A `login_limits` row: the failed (and in-flight) sign-ins counted for one key — `user:<login name>` or
 * `ip:<address>` — since `window_started_at`.
 */
export const LoginLimit = z.object({
  id: z.string().min(1),
  failures: z.number().int().min(0),
  window_started_at: Timestamp,
});
export type LoginLimit = z.infer<typeof LoginLimit>;

/** Every table of sign-in and authorisation (migrations 0003 and 0007) and the schema its rows are parsed with. */
export const AUTH_TABLES: readonly [string, z.ZodType][] = [
  ['users', StoredUser],
  ['user_cluster_grants', ClusterGrant],
  ['sessions', StoredSession],
  ['api_tokens', StoredApiToken],
  ['login_attempts', LoginAttempt],
  ['login_limits', LoginLimit],
];

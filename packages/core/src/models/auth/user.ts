import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/**
 * What a user may do, each role including the ones before it: `VIEWER` reads, `OPERATOR` also proposes and applies
 * non-destructive changes, `APPROVER` also approves other people's plans, `ADMIN` also manages users and sees every
 * cluster without a grant.
 */
export const UserRole = z.enum(['VIEWER', 'OPERATOR', 'APPROVER', 'ADMIN']);
export type UserRole = z.infer<typeof UserRole>;

const RANK: Record<UserRole, number> = { VIEWER: 0, OPERATOR: 1, APPROVER: 2, ADMIN: 3 };

/** Whether `role` includes everything `needed` may do (roles are ordered VIEWER < OPERATOR < APPROVER < ADMIN). */
export function roleAtLeast(role: UserRole, needed: UserRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** A login name: 2 to 64 lowercase letters, digits, `.`, `_`, `-` or `@`, starting with a letter or digit. */
export const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, "must be 2 to 64 lowercase letters, digits, '.', '_', '-' or '@'");
export type Username = z.infer<typeof Username>;

/** A person (or automation) who signs in to opspilot. Never carries the password hash. */
export const User = z.object({
  id: Uuid,
  username: Username,
  display_name: z.string().max(128).optional(),
  role: UserRole,
  disabled: z.boolean().default(false),
  created_at: Timestamp,
  updated_at: Timestamp.optional(),
  last_login_at: Timestamp.optional(),
});
export type User = z.infer<typeof User>;

/** A user with the ids of the clusters they were granted (admins see every cluster regardless). */
export const UserWithGrants = User.extend({ cluster_ids: z.array(Uuid).default([]) });
export type UserWithGrants = z.infer<typeof UserWithGrants>;

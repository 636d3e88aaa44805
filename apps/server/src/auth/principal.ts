import { NotAllowedError, roleAtLeast, type User, type UserRole } from '@opspilot/core';

/** Who is calling, as established from a session cookie or an API token. */
export interface Principal {
  user: User;
  /** How the caller authenticated; cookie sessions must also present the CSRF token on mutations. */
  via: 'session' | 'token';
  sessionId?: string;
  /** The session's CSRF token (double-submit: the `opspilot_csrf` cookie and the `x-csrf-token` header). */
  csrfToken?: string;
  tokenId?: string;
  /** The clusters the caller may see: every one for admins, else those granted. */
  clusterIds: ReadonlySet<string> | 'all';
}

/** Whether the caller may see (and, role permitting, act on) objects of this cluster. */
export function canSeeCluster(principal: Principal, clusterId: string | undefined): boolean {
  if (principal.clusterIds === 'all') return true;
  return clusterId !== undefined && principal.clusterIds.has(clusterId);
}

/** Throws NotAllowedError (403) unless the caller's role includes `needed`. */
export function requireRole(principal: Principal, needed: UserRole, action: string): void {
  if (roleAtLeast(principal.user.role, needed)) return;
  throw new NotAllowedError(
    `${action} needs the ${needed} role; ${principal.user.username} is ${principal.user.role}`,
    {
      hint: 'ask an administrator for a role that allows it',
      details: { required_role: needed, role: principal.user.role },
    },
  );
}

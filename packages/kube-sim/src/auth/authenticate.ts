import { timingSafeEqual } from 'node:crypto';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { StatusError } from '../api/statusError.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { AccessAttributes } from './accessReview.js';
import { authorize, type UserInfo, userOf } from './authorize.js';

/** The user the simulated cluster's own kubeconfig authenticates as. */
export const ADMIN_USER: UserInfo = { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };

/**
 * How requests authenticate: the admin's bearer token (generated at start and written into the kubeconfig), and
 * whether a request without credentials is let in (as the admin) instead of getting 401.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/
 */
export interface Authentication {
  adminToken: string;
  insecureAnonymous: boolean;
}

type Headers = Record<string, string | string[] | undefined>;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The user a request's credentials stand for: the admin token of the generated kubeconfig is `kubernetes-admin` in
 * `system:masters`; a token stored in a Secret of type `kubernetes.io/service-account-token` (`data.token`, base64)
 * authenticates as that service account (`system:serviceaccount:<ns>:<name>` with its groups), as a long-lived
 * service-account token does on a real cluster. Anything else — no credentials (unless `insecureAnonymous`), another
 * scheme, an unknown token — is refused with the real `401 Unauthorized` (kubectl: `error: You must be logged in to
 * the server (Unauthorized)`).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#service-account-tokens
 */
export function tokenUser(
  store: ObjectStore,
  registry: ResourceRegistry,
  headers: Headers,
  auth: Authentication,
): UserInfo {
  const header = headers.authorization;
  if (header === undefined || header === '') {
    if (auth.insecureAnonymous) return ADMIN_USER;
    throw unauthorized();
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(header));
  if (!match) throw unauthorized();
  if (sameToken(match[1]!, auth.adminToken)) return ADMIN_USER;
  const secrets = registry.find('', 'v1', 'secrets');
  if (!secrets) throw unauthorized();
  const encoded = Buffer.from(match[1]!, 'utf8').toString('base64');
  const secret = store
    .list(secrets, { fieldSelector: 'type=kubernetes.io/service-account-token' })
    .items.find((s) => (s as { data?: Record<string, string> }).data?.token === encoded);
  const account = secret?.metadata.annotations?.['kubernetes.io/service-account.name'];
  if (!secret || !account) throw unauthorized();
  const ns = secret.metadata.namespace!;
  return {
    name: `system:serviceaccount:${ns}:${account}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
  };
}

/** The Status a real API server answers when no authenticator accepts the request's credentials. */
export function unauthorized(): StatusError {
  return new StatusError(401, 'Unauthorized', 'Unauthorized');
}

/**
 * The user a request runs as: the token's user, replaced by the `Impersonate-User` / `Impersonate-Group` headers
 * (kubectl `--as`, `--as-group`) when that user may impersonate (`system:masters`, or RBAC allowing the
 * `impersonate` verb on `users`, `groups` or `serviceaccounts`); otherwise the real 403.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
 */
export function requestUser(
  store: ObjectStore,
  registry: ResourceRegistry,
  headers: Headers,
  auth: Authentication,
): UserInfo {
  const base = tokenUser(store, registry, headers, auth);
  const header = headers['impersonate-user'];
  if (typeof header !== 'string' || header === '') return base;
  const impersonated = userOf(headers);
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(impersonated.name);
  const checks: AccessAttributes[] = [
    sa
      ? {
          verb: 'impersonate',
          group: '',
          resource: 'serviceaccounts',
          subresource: '',
          namespace: sa[1]!,
          name: sa[2]!,
        }
      : { verb: 'impersonate', group: '', resource: 'users', subresource: '', namespace: '', name: impersonated.name },
    ...impersonated.groups
      .filter((g) => g !== 'system:authenticated' && !g.startsWith('system:serviceaccounts'))
      .map((g) => ({ verb: 'impersonate', group: '', resource: 'groups', subresource: '', namespace: '', name: g })),
  ];
  for (const check of checks) {
    if (!authorize(store, registry, base, check).allowed) throw forbidden(base, check);
  }
  return impersonated;
}

/**
 * The 403 a real API server answers when RBAC denies a request, e.g. `pods is forbidden: User
 * "system:serviceaccount:team:ci" cannot list resource "pods" in API group "" in the namespace "default"`.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authorization/
 */
export function forbidden(user: UserInfo, a: AccessAttributes): StatusError {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
  const subject = a.name ? `${qualified} "${a.name}"` : qualified;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return new StatusError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}`,
    { ...(a.name ? { name: a.name } : {}), ...(a.group ? { group: a.group } : {}), kind: a.resource },
  );
}

/** A request the API server's authorizer refused, as its message names it. */
export interface Denial {
  serviceAccount: string;
  /** The service account's namespace. */
  accountNamespace: string;
  verb: string;
  resource: string;
  /** The API group, `""` for the core group. */
  group: string;
  /** The namespace of the request; missing for a cluster-wide one. */
  namespace?: string;
  /** The line it was read from. */
  line: string;
}

const DENIED =
  /User "system:serviceaccount:([a-z0-9-]+):([a-z0-9.-]+)" cannot ([a-z]+) resource "([a-z0-9.-]+)" in API group "([a-z0-9.-]*)"(?: in the namespace "([a-z0-9-]+)"| at the cluster scope)?/;

/**
 * The first RBAC denial of a service account in some text (a container's log, an event), as the API server words it:
 * `pods is forbidden: User "system:serviceaccount:shop:api" cannot list resource "pods" in API group "" in the
 * namespace "shop"`.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
export function findDenial(text: string): Denial | undefined {
  for (const line of text.split('\n')) {
    const m = DENIED.exec(line);
    if (!m) continue;
    return {
      accountNamespace: m[1]!,
      serviceAccount: m[2]!,
      verb: m[3]!,
      resource: m[4]!,
      group: m[5]!,
      ...(m[6] ? { namespace: m[6] } : {}),
      line: line.trim(),
    };
  }
  return undefined;
}

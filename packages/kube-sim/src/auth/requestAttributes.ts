import type { AccessAttributes } from './accessReview.js';

/** The part of a routed request RBAC looks at. */
export interface RequestTarget {
  type: { group: string; plural: string };
  namespace?: string;
  name?: string;
  subresource?: string;
}

const WRITE_VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/**
 * The RBAC attributes of a resource request as the API server's request-info resolver derives them: the verb from
 * the method (`GET` is `get`, `list` or `watch`; `DELETE` on a collection is `deletecollection`), API group,
 * resource, subresource, namespace and name.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/authorization/#determine-the-request-verb
 */
export function requestAttributes(method: string, url: URL, target: RequestTarget): AccessAttributes {
  const watch = ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
  let verb: string;
  if (method === 'GET' || method === 'HEAD') verb = watch ? 'watch' : target.name ? 'get' : 'list';
  else if (method === 'DELETE' && !target.name) verb = 'deletecollection';
  else verb = WRITE_VERBS[method] ?? method.toLowerCase();
  return {
    verb,
    group: target.type.group,
    resource: target.type.plural,
    subresource: target.subresource ?? '',
    namespace: target.namespace ?? '',
    name: target.name ?? '',
  };
}

import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import { StatusError } from '../api/statusError.js';

/**
 * A request for a resource: its type, namespace, name and subresource.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export interface ResourceTarget {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * A request for a group-version itself (discovery), or for a resource in it.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export type ParsedPath =
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'resource'; target: ResourceTarget };

/**
 * Parses `/api/v1/...` and `/apis/{group}/{version}/...` paths. Unknown resources are a 404 with the message a real
 * server gives.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function parseResourcePath(registry: ResourceRegistry, segments: string[]): ParsedPath | undefined {
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments[1]) [group, version, rest] = ['', segments[1], segments.slice(2)];
  else if (segments[0] === 'apis' && segments[1] && segments[2])
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  else return undefined;
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  const unknown = (plural: string) =>
    new StatusError(
      404,
      'NotFound',
      `the server could not find the requested resource (${group ? `${plural}.${group}` : plural})`,
      { group, kind: plural },
    );
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = registry.find(group, version, rest[2]!);
    if (type?.namespaced)
      return { kind: 'resource', target: { type, namespace: rest[1], name: rest[3], subresource: rest[4] } };
    if (!type && registry.find(group, version, 'namespaces') && rest.length === 3) {
      // /api/v1/namespaces/{name}/{subresource}
      const ns = registry.find(group, version, 'namespaces')!;
      return { kind: 'resource', target: { type: ns, name: rest[1], subresource: rest[2] } };
    }
    if (!type) throw unknown(rest[2]!);
  }
  const type = registry.find(group, version, rest[0]!);
  if (!type) throw unknown(rest[0]!);
  return { kind: 'resource', target: { type, name: rest[1], subresource: rest[2] } };
}

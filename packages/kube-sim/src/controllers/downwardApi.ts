import type { KubeObject } from '../store/kubeObject.js';
import type { PodView } from './podView.js';
import { parseQuantity } from './quantity.js';

type Json = Record<string, unknown>;

/** Labels or annotations in the downward API's file form: `key="value"` lines, sorted by key. */
function mapLines(map: unknown): string {
  return Object.entries((map as Record<string, string> | undefined) ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
    .join('\n');
}

/** The value of a downward API `fieldRef` path for a pod, or undefined when the path is not one the API offers. */
export function fieldRefValue(pod: KubeObject, fieldPath: string): string | undefined {
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  const keyed = fieldPath.match(/^metadata\.(labels|annotations)\['(.*)'\]$/);
  if (keyed) return (pod.metadata[keyed[1] as 'labels'] as Record<string, string> | undefined)?.[keyed[2]!] ?? '';
  const ips = (v: unknown) => ((v as Json[] | undefined) ?? []).map((i) => String(i.ip)).join(',');
  const values: Record<string, () => unknown> = {
    'metadata.name': () => pod.metadata.name,
    'metadata.namespace': () => pod.metadata.namespace ?? 'default',
    'metadata.uid': () => pod.metadata.uid,
    'metadata.labels': () => mapLines(pod.metadata.labels),
    'metadata.annotations': () => mapLines(pod.metadata.annotations),
    'spec.nodeName': () => spec.nodeName,
    'spec.serviceAccountName': () => spec.serviceAccountName ?? 'default',
    'status.hostIP': () => status.hostIP,
    'status.hostIPs': () => ips(status.hostIPs),
    'status.podIP': () => status.podIP,
    'status.podIPs': () => ips(status.podIPs),
  };
  const read = values[fieldPath];
  return read ? String(read() ?? '') : undefined;
}

/**
 * The value of a downward API `resourceFieldRef` (`limits.cpu`, `requests.memory`, …) for a container: a missing
 * limit is the node's allocatable amount, as the kubelet reports it; the value is divided by `divisor` (default 1)
 * and rounded up.
 */
export function resourceFieldValue(
  view: Pick<PodView, 'store' | 'registry'>,
  pod: KubeObject,
  container: Json,
  ref: Json,
): string | undefined {
  const [kind, resource] = String(ref.resource ?? '').split('.') as [string, string];
  if (!['limits', 'requests'].includes(kind) || !resource) return undefined;
  const resources = (container.resources ?? {}) as Json;
  let value = parseQuantity(((resources[kind] ?? {}) as Json)[resource]);
  if (value === undefined && kind === 'limits') {
    const nodes = view.registry.find('', 'v1', 'nodes');
    const nodeName = (pod.spec as Json | undefined)?.nodeName;
    const node = nodes && typeof nodeName === 'string' ? view.store.find(nodes, '', nodeName) : undefined;
    value = parseQuantity(((node?.status as Json | undefined)?.allocatable as Json | undefined)?.[resource]);
  }
  const divisor = parseQuantity(ref.divisor ?? '1') || 1;
  return String(Math.ceil(Number(((value ?? 0) / divisor).toFixed(6))));
}

/** The value of a downward API selector (`fieldRef` or `resourceFieldRef`, the latter for `container` by default). */
export function downwardValue(
  view: Pick<PodView, 'store' | 'registry'>,
  pod: KubeObject,
  selector: Json,
  container?: Json,
): string | undefined {
  const field = selector.fieldRef as Json | undefined;
  if (field) return fieldRefValue(pod, String(field.fieldPath ?? ''));
  const resource = selector.resourceFieldRef as Json | undefined;
  if (!resource) return undefined;
  const named =
    typeof resource.containerName === 'string' && resource.containerName
      ? ((pod.spec as Json).containers as Json[] | undefined)?.find((c) => c.name === resource.containerName)
      : container;
  return named ? resourceFieldValue(view, pod, named, resource) : undefined;
}

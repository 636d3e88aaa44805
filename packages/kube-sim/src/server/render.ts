import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ResponseFormat } from './negotiation.js';
import { toTable } from './tables/toTable.js';

const META = 'meta.k8s.io/v1';

/** Metadata only, as `PartialObjectMetadata`. */
function partial(object: KubeObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: META, metadata: object.metadata };
}

/**
 * Shapes one object for the response format: the object, a one-row Table, or its PartialObjectMetadata.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#alternate-representations-of-resources
 */
export function renderObject(type: ResourceType, object: KubeObject, format: ResponseFormat, now: Date): unknown {
  if (format.table) return toTable(type, [object], now, {}, format.includeObject);
  if (format.partialMetadata) return partial(object);
  return object;
}

/**
 * Shapes a list for the response format: `<Kind>List`, a Table, or a PartialObjectMetadataList, carrying the
 * list metadata (resourceVersion, continue, remainingItemCount).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#collections
 */
export function renderList(
  type: ResourceType,
  items: KubeObject[],
  listMeta: Record<string, unknown>,
  format: ResponseFormat,
  now: Date,
): unknown {
  if (format.table) return toTable(type, items, now, listMeta, format.includeObject);
  if (format.partialMetadata) {
    return { kind: 'PartialObjectMetadataList', apiVersion: META, metadata: listMeta, items: items.map(partial) };
  }
  return { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: listMeta, items };
}

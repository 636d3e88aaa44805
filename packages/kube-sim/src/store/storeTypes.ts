import type { Clock } from '@opspilot/core';
import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from './kubeObject.js';

/**
 * A change to a stored object, as watches and controllers see it. `object` is in the storage version of its
 * kind (use {@link ObjectStore.present} for another version) and must not be modified.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: ResourceType;
  object: KubeObject;
  /** The object before a MODIFIED change (watches with selectors turn it into ADDED or DELETED). */
  previous?: KubeObject;
  resourceVersion: number;
}

/**
 * Options of {@link ObjectStore.list}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

/**
 * A page of {@link ObjectStore.list}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/**
 * Options of writes.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export interface WriteOptions {
  /** Compute and return the result without storing it (`?dryRun=All`). */
  dryRun?: boolean;
  /** `status` writes keep everything but the status; main-object writes keep the status. */
  subresource?: 'status';
}

/**
 * Options of {@link ObjectStore.delete}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export interface DeleteOptions {
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/**
 * Options of {@link ObjectStore}.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export interface ObjectStoreOptions {
  /** Where creation and deletion timestamps come from (real time by default). */
  clock?: Pick<Clock, 'now'>;
  /** How many change events are kept for watches resuming from a resourceVersion (default 5000). */
  historyLimit?: number;
}

/**
 * `2026-01-01T00:00:00Z`: timestamps as the API server writes them (seconds precision).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

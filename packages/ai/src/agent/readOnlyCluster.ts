import type { ClusterGateway, EventsOptions, KubeObject, ListOptions, LogOptions, ObjectRef } from '@opspilot/core';

/**
 * The only view of a cluster the agent's tools get: reads, nothing else. Built by copying the read methods into a
 * new object, so no cast can reach `apply`, `delete`, `scale` or a rollout of the gateway behind it.
 */
export interface ReadOnlyCluster {
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  list(kind: string, options?: ListOptions): Promise<KubeObject[]>;
  logs(pod: ObjectRef, options?: LogOptions): Promise<string>;
  events(options?: EventsOptions): Promise<KubeObject[]>;
}

/** A {@link ReadOnlyCluster} over a gateway, frozen. */
export function readOnlyCluster(gateway: ClusterGateway): ReadOnlyCluster {
  return Object.freeze({
    get: (ref: ObjectRef) => gateway.get(ref),
    list: (kind: string, options?: ListOptions) => gateway.list(kind, options),
    logs: (pod: ObjectRef, options?: LogOptions) => gateway.logs(pod, options),
    events: (options?: EventsOptions) => gateway.events(options),
  });
}

import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

/** What controllers share: the store, the kinds, the clock and small helpers. */
export interface ControllerContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  clock: Clock;
  /** Resource type by kind (built-in, preferred version). */
  type(kind: string): ResourceType;
  /** Asks for another reconcile pass after `ms` of cluster time. */
  requeueAfter(ms: number): void;
  /**
   * Called by a controller before it reconciles `object`, so that an error is recorded against that object; false
   * when the object failed before and has not changed since (the controller skips it).
   */
  begin(object: KubeObject): boolean;
  /**
   * Records a core/v1 Event about `object`, aggregated as the real event recorder does: the same object, reason and
   * message count again on one Event (`count`, `lastTimestamp`; kubectl shows `(x4 over 2m)`), a different message
   * is another Event.
   */
  event(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source?: string): void;
  /** The Event last recorded about `object` with `reason` (by this cluster's controllers), if it still exists. */
  lastEvent(object: KubeObject, reason: string): KubeObject | undefined;
  /** How many times the Event with this object, reason and message has been recorded (0: never). */
  eventCount(object: KubeObject, reason: string, message: string): number;
  /** `now` as the API server formats timestamps. */
  timestamp(): string;
  /** Five lowercase alphanumerics, for generated names. */
  suffix(): string;
}

const KIND_PATHS: Record<string, [string, string, string]> = {
  Pod: ['', 'v1', 'pods'],
  Service: ['', 'v1', 'services'],
  Endpoints: ['', 'v1', 'endpoints'],
  Event: ['', 'v1', 'events'],
  Node: ['', 'v1', 'nodes'],
  Namespace: ['', 'v1', 'namespaces'],
  PersistentVolumeClaim: ['', 'v1', 'persistentvolumeclaims'],
  PersistentVolume: ['', 'v1', 'persistentvolumes'],
  StorageClass: ['storage.k8s.io', 'v1', 'storageclasses'],
  Deployment: ['apps', 'v1', 'deployments'],
  ReplicaSet: ['apps', 'v1', 'replicasets'],
  StatefulSet: ['apps', 'v1', 'statefulsets'],
  DaemonSet: ['apps', 'v1', 'daemonsets'],
  ControllerRevision: ['apps', 'v1', 'controllerrevisions'],
  Job: ['batch', 'v1', 'jobs'],
  CronJob: ['batch', 'v1', 'cronjobs'],
  HorizontalPodAutoscaler: ['autoscaling', 'v2', 'horizontalpodautoscalers'],
  EndpointSlice: ['discovery.k8s.io', 'v1', 'endpointslices'],
};

const LATEST = new WeakMap<ObjectStore, Map<string, string>>();

/** Per store: the name of the Event last recorded per object and reason. */
function latestEvents(store: ObjectStore): Map<string, string> {
  let map = LATEST.get(store);
  if (!map) {
    map = new Map();
    LATEST.set(store, map);
  }
  return map;
}

function eventKey(object: KubeObject, reason: string): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}/${object.metadata.uid ?? ''}/${reason}`;
}

/**
 * The name of the Event aggregating `reason` + `message` about `object`: `<object name>.<16 hex digits>`, the shape
 * of the real recorder's names, derived from what aggregation keys on so that repeats find the same Event.
 */
export function eventName(object: KubeObject, reason: string, message: string): string {
  const digest = createHash('sha256')
    .update(`${eventKey(object, reason)}\n${message}`)
    .digest('hex')
    .slice(0, 16);
  return `${object.metadata.name}.${digest}`;
}

/** Builds the shared controller context. */
export function createControllerContext(
  store: ObjectStore,
  registry: ResourceRegistry,
  clock: Clock,
  requeueAfter: (ms: number) => void,
  begin: (object: KubeObject) => boolean = () => true,
): ControllerContext {
  const timestamp = () =>
    clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  const type = (kind: string) => {
    const [g, v, p] = KIND_PATHS[kind] ?? [];
    const found = g === undefined ? undefined : registry.find(g, v!, p!);
    if (!found) throw new Error(`no resource type for ${kind}`);
    return found;
  };
  return {
    store,
    registry,
    clock,
    type,
    requeueAfter,
    begin,
    timestamp,
    suffix: () => {
      const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
      return [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
    },
    event(object, eventType, reason, message, source = 'controller') {
      const events = type('Event');
      const ns = object.metadata.namespace ?? 'default';
      const name = eventName(object, reason, message);
      const existing = store.find(events, ns, name);
      const now = timestamp();
      latestEvents(store).set(eventKey(object, reason), name);
      if (existing) {
        store.update(events, {
          ...existing,
          count: Number(existing.count ?? 1) + 1,
          lastTimestamp: now,
          metadata: { ...existing.metadata, resourceVersion: undefined },
        });
        return;
      }
      store.create(events, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: {
          apiVersion: object.apiVersion,
          kind: object.kind,
          name: object.metadata.name,
          namespace: object.metadata.namespace,
          uid: object.metadata.uid,
        },
        type: eventType,
        reason,
        message,
        source: { component: source },
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        reportingComponent: source,
      });
    },
    lastEvent(object, reason) {
      const name = latestEvents(store).get(eventKey(object, reason));
      return name ? store.find(type('Event'), object.metadata.namespace ?? 'default', name) : undefined;
    },
    eventCount(object, reason, message) {
      const found = store.find(
        type('Event'),
        object.metadata.namespace ?? 'default',
        eventName(object, reason, message),
      );
      return found ? Number(found.count ?? 1) : 0;
    },
  };
}

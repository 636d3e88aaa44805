import { randomBytes } from 'node:crypto';
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
  /** Records (or counts again) a core/v1 Event about `object`. */
  event(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source?: string): void;
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

/** Builds the shared controller context. */
export function createControllerContext(
  store: ObjectStore,
  registry: ResourceRegistry,
  clock: Clock,
  requeueAfter: (ms: number) => void,
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
    timestamp,
    suffix: () => {
      const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
      return [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
    },
    event(object, eventType, reason, message, source = 'controller') {
      const events = type('Event');
      const ns = object.metadata.namespace ?? 'default';
      const name = `${object.metadata.name}.${reason.toLowerCase()}`;
      const existing = store.find(events, ns, name);
      const now = timestamp();
      if (existing) {
        if (existing.message === message) {
          store.update(events, {
            ...existing,
            count: Number(existing.count ?? 1) + 1,
            lastTimestamp: now,
            metadata: { ...existing.metadata, resourceVersion: undefined },
          });
          return;
        }
        store.update(events, {
          ...existing,
          message,
          count: 1,
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
  };
}

import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { EventCorrelator } from './eventCorrelator.js';

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
   * Records a core/v1 Event about `object` through the {@link EventCorrelator}, as the real event recorder does: the
   * same source, object, type, reason and message count again on one Event (`count`, `lastTimestamp`; kubectl shows
   * `(x4 over 2m)`), ten messages differing only in text within ten minutes are combined, and a source may write 25
   * Events about one object at once, then one every five minutes.
   */
  event(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source?: string): void;
  /** The message last recorded about `object` with `reason`, whether or not the spam filter let it through. */
  lastMessage(object: KubeObject, reason: string): string | undefined;
  /** How many times this object, reason and message has been recorded (0: never), written or not. */
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

/** What one store's event recorder remembers: its correlator, and per object and reason the last event. */
interface RecorderState {
  correlator: EventCorrelator;
  /** Per object and reason: the last message recorded. */
  latest: Map<string, string>;
  /** Per object, reason and message: how often it was recorded (written or not). */
  counts: Map<string, number>;
}

const RECORDERS = new WeakMap<ObjectStore, RecorderState>();

function recorderOf(store: ObjectStore): RecorderState {
  let state = RECORDERS.get(store);
  if (!state) {
    state = { correlator: new EventCorrelator(), latest: new Map(), counts: new Map() };
    RECORDERS.set(store, state);
  }
  return state;
}

function objectKey(object: KubeObject): string {
  const { namespace = '', name, uid = '' } = object.metadata;
  return `${object.kind}/${namespace}/${name}/${uid}/${object.apiVersion}`;
}

/**
 * The name of the Event an occurrence counts on: `<object name>.<16 hex digits>`, the shape of the real recorder's
 * names, derived from the correlator's key so that repeats find the same Event.
 */
export function eventName(object: KubeObject, key: string): string {
  return `${object.metadata.name}.${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
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
      const recorder = recorderOf(store);
      const subject = objectKey(object);
      const exact = `${subject}\n${reason}\n${message}`;
      recorder.counts.set(exact, (recorder.counts.get(exact) ?? 0) + 1);
      recorder.latest.set(`${subject}\n${reason}`, message);
      const now = clock.now().getTime();
      const verdict = recorder.correlator.correlate({ object: subject, source, type: eventType, reason, message }, now);
      if (verdict.skip) return;
      const events = type('Event');
      const ns = object.metadata.namespace ?? 'default';
      const name = eventName(object, verdict.key);
      const existing = store.find(events, ns, name);
      if (existing) {
        store.update(events, {
          ...existing,
          message: verdict.message,
          count: Math.max(verdict.count, Number(existing.count ?? 1) + 1),
          lastTimestamp: timestamp(),
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
        message: verdict.message,
        source: { component: source },
        count: verdict.count,
        firstTimestamp: new Date(verdict.first).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        lastTimestamp: timestamp(),
        reportingComponent: source,
      });
    },
    lastMessage(object, reason) {
      return recorderOf(store).latest.get(`${objectKey(object)}\n${reason}`);
    },
    eventCount(object, reason, message) {
      return recorderOf(store).counts.get(`${objectKey(object)}\n${reason}\n${message}`) ?? 0;
    },
  };
}

import { ManualClock } from '@opspilot/core';
import { createObject } from '../../server/writeOperations.js';
import { type SimCluster, startSimCluster } from '../../startSimCluster.js';
import type { KubeObject } from '../../store/kubeObject.js';

type Json = Record<string, unknown>;

/** A simulated cluster on a ManualClock, with helpers to move time and read objects, for controller tests. */
export interface Harness {
  sim: SimCluster;
  clock: ManualClock;
  /** Lets the controllers react (they run on setImmediate). */
  settle(): Promise<void>;
  /** Moves cluster time forward in steps, letting the controllers run after each. */
  advance(ms: number, step?: number): Promise<void>;
  /** Creates through admission (defaults and validation), as `kubectl create -f` would. */
  create(obj: Json): KubeObject;
  list(kind: string, namespace?: string): KubeObject[];
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  /** Writes the spec (or anything but the status) of a stored object. */
  update(kind: string, name: string, change: (obj: KubeObject) => void, namespace?: string): KubeObject;
  events(reason?: string): KubeObject[];
}

const PATHS: Record<string, [string, string, string]> = {
  Pod: ['', 'v1', 'pods'],
  Node: ['', 'v1', 'nodes'],
  Event: ['', 'v1', 'events'],
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
  PodDisruptionBudget: ['policy', 'v1', 'poddisruptionbudgets'],
};

/** A Deployment of nginx:1.27 pods labelled `app: name` in `default`, for controller tests. */
export function deploymentOf(name: string, replicas: number): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  };
}

/** Starts a cluster (3 nodes, plain HTTP) on a ManualClock at 2026-01-01T00:00:00Z. */
export async function startHarness(start = '2026-01-01T00:00:00Z'): Promise<Harness> {
  const clock = new ManualClock(new Date(start));
  const sim = await startSimCluster({ clock, tls: false });
  const type = (kind: string) => {
    const [g, v, p] = PATHS[kind]!;
    return sim.api.registry.find(g, v, p)!;
  };
  const settle = () => new Promise<void>((r) => setTimeout(r, 20));
  return {
    sim,
    clock,
    settle,
    async advance(ms, step = ms > 5000 ? 1000 : 250) {
      await settle();
      for (let t = 0; t < ms; t += step) {
        await clock.advance(Math.min(step, ms - t));
        await settle();
      }
    },
    create(obj) {
      const kind = String(obj.kind);
      const t = type(kind);
      const ns = t.namespaced ? String((obj.metadata as Json).namespace ?? 'default') : undefined;
      return createObject(sim.api.write, t, obj, ns, false);
    },
    list: (kind, namespace = 'default') =>
      sim.store.list(type(kind), type(kind).namespaced ? { namespace } : {}).items,
    get: (kind, name, namespace = 'default') =>
      sim.store.find(type(kind), type(kind).namespaced ? namespace : undefined, name),
    update(kind, name, change, namespace = 'default') {
      const t = type(kind);
      const obj = sim.store.get(t, t.namespaced ? namespace : undefined, name);
      change(obj);
      delete obj.metadata.resourceVersion;
      return sim.store.update(t, obj);
    },
    events: (reason) =>
      sim.store
        .list(type('Event'))
        .items.filter((e) => reason === undefined || e.reason === reason),
  };
}

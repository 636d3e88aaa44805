import type { KubeObject } from '@opspilot/core';

/** The fields of a container the catalogue reads and writes. */
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: unknown[];
  envFrom?: unknown[];
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  [field: string]: unknown;
}

/** A probe as the pod spec declares it. */
export interface Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
  [field: string]: unknown;
}

/** The parts of a pod spec the catalogue reads. */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  nodeSelector?: Record<string, string>;
  volumes?: { name: string; [field: string]: unknown }[];
  [field: string]: unknown;
}

/** A pod template (`spec.template` of a workload or ReplicaSet). */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

type Json = Record<string, unknown>;

/** `spec.template` of a workload or ReplicaSet, or undefined for objects without one. */
export function templateOf(object: KubeObject): PodTemplate | undefined {
  const template = (object.spec as Json | undefined)?.template as PodTemplate | undefined;
  return template?.spec ? template : undefined;
}

/** The pod spec of a Pod. */
export function podSpecOf(pod: KubeObject): PodSpec {
  return ((pod.spec as PodSpec | undefined) ?? { containers: [] }) as PodSpec;
}

/** `metadata.annotations[key]` of an object. */
export function annotation(object: KubeObject, key: string): string | undefined {
  return object.metadata.annotations?.[key] ?? undefined;
}

/** A field of an object's status. */
export function statusOf<T = Json>(object: KubeObject): T {
  return ((object as Json).status ?? {}) as T;
}

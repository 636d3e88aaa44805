import type { KubeObject } from '@opspilot/core';

/** A container port as a pod spec declares it. */
export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol?: string;
}

/** A probe (readiness, liveness, startup): only the fields the analyzers read. */
export interface Probe {
  httpGet?: { path?: string; port?: number | string };
  tcpSocket?: { port?: number | string };
  exec?: { command?: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

/** An environment variable, possibly taken from a ConfigMap or Secret key. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

/** A container of a pod spec. */
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: {
    configMapRef?: { name: string; optional?: boolean };
    secretRef?: { name: string; optional?: boolean };
  }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
}

/** A volume of a pod spec (the sources that reference other objects). */
export interface Volume {
  name: string;
  configMap?: { name: string; optional?: boolean };
  secret?: { secretName: string; optional?: boolean };
  persistentVolumeClaim?: { claimName: string };
  projected?: {
    sources?: { configMap?: { name: string; optional?: boolean }; secret?: { name: string; optional?: boolean } }[];
  };
}

/** The parts of a pod spec the analyzers read. */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  nodeName?: string;
  volumes?: Volume[];
  serviceAccountName?: string;
  imagePullSecrets?: { name: string }[];
}

/** The state of a container: one of waiting, running or terminated. */
export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: {
    exitCode?: number;
    reason?: string;
    message?: string;
    finishedAt?: string;
    startedAt?: string;
  };
}

/** A container's status as the kubelet reports it. */
export interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

/** A status condition of any object. */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

/** The parts of a pod status the analyzers read. */
export interface PodStatus {
  phase?: string;
  reason?: string;
  message?: string;
  conditions?: Condition[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  startTime?: string;
}

/** A label selector (`matchLabels` and `matchExpressions`). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `spec` of an object, typed as the caller reads it (absent fields stay absent). */
export function specOf<T>(obj: KubeObject): Partial<T> {
  return (obj.spec ?? {}) as Partial<T>;
}

/** `status` of an object, typed as the caller reads it. */
export function statusOf<T>(obj: KubeObject): Partial<T> {
  return (obj.status ?? {}) as Partial<T>;
}

/** The pod spec of a Pod, with `containers` always an array. */
export function podSpecOf(pod: KubeObject): PodSpec {
  const spec = specOf<PodSpec>(pod);
  return { ...spec, containers: spec.containers ?? [] };
}

/** The pod template spec of a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job). */
export function templateSpecOf(workload: KubeObject): PodSpec {
  const spec = specOf<{ template?: { spec?: PodSpec } }>(workload);
  return { containers: [], ...spec.template?.spec };
}

/** The condition of `type` in `status.conditions`, if reported. */
export function conditionOf(obj: KubeObject, type: string): Condition | undefined {
  return statusOf<{ conditions: Condition[] }>(obj).conditions?.find((c) => c.type === type);
}

/** Every container of a pod spec with whether it is an init container. */
export function allContainers(spec: PodSpec): { container: Container; init: boolean }[] {
  return [
    ...(spec.initContainers ?? []).map((container) => ({ container, init: true })),
    ...spec.containers.map((container) => ({ container, init: false })),
  ];
}

import type { KubeObject, ObjectRef } from './kubeObject.js';

/** A failure to list one kind while taking a snapshot; the other kinds still arrive. */
export interface SnapshotError {
  kind: string;
  /** Short reason, e.g. `forbidden: cannot list secrets in namespace todo`. */
  error: string;
}

/** Everything an analyzer needs to know about a cluster at one moment. */
export interface ClusterSnapshot {
  cluster: string;
  takenAt: string;
  /** Objects by kind, e.g. `objects.Pod`. */
  objects: Record<string, KubeObject[]>;
  errors: SnapshotError[];
}

/** Options of {@link ClusterGateway.snapshot}. */
export interface SnapshotOptions {
  namespace?: string;
  kinds?: string[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, kind: string) => void;
}

/** Options of a server-side apply. */
export interface ApplyOptions {
  dryRun?: boolean;
  fieldManager?: string;
  force?: boolean;
}

/** An event of a watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: KubeObject;
}

/** Options of {@link ClusterGateway.logs}. */
export interface LogOptions {
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  previous?: boolean;
  timestamps?: boolean;
}

/** Progress of a rollout, as `kubectl rollout status` reports it. */
export interface RolloutStatus {
  done: boolean;
  message: string;
  updatedReplicas: number;
  availableReplicas: number;
  desiredReplicas: number;
}

/** CPU (millicores) and memory (bytes) in use by a pod or node. */
export interface ResourceUsage {
  ref: ObjectRef;
  cpuMillicores: number;
  memoryBytes: number;
}

/**
 * The Kubernetes access port: engines reach a cluster only through it. Implemented over
 * `@kubernetes/client-node` by `@opspilot/kube`; every failure is a typed opspilot error with a hint.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ClusterGateway {
  /** Lists many kinds in parallel; a kind that fails (e.g. forbidden) is reported in `errors`, not thrown. */
  snapshot(options?: SnapshotOptions): Promise<ClusterSnapshot>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  list(
    kind: string,
    options?: { namespace?: string; labelSelector?: string; fieldSelector?: string },
  ): Promise<KubeObject[]>;
  watch(
    kind: string,
    options: { namespace?: string; resourceVersion?: string; signal: AbortSignal },
    onEvent: (event: WatchEvent) => void,
  ): Promise<void>;
  /** Server-side apply with field manager `opspilot` unless told otherwise. */
  apply(object: KubeObject, options?: ApplyOptions): Promise<KubeObject>;
  delete(
    ref: ObjectRef,
    options?: { dryRun?: boolean; propagationPolicy?: 'Background' | 'Foreground' | 'Orphan' },
  ): Promise<void>;
  scale(ref: ObjectRef, replicas: number, options?: { dryRun?: boolean }): Promise<KubeObject>;
  rolloutRestart(ref: ObjectRef, options?: { dryRun?: boolean }): Promise<KubeObject>;
  rolloutUndo(ref: ObjectRef, toRevision?: number): Promise<KubeObject>;
  rolloutStatus(ref: ObjectRef): Promise<RolloutStatus>;
  logs(pod: ObjectRef, options?: LogOptions): Promise<string>;
  events(ref?: ObjectRef): Promise<KubeObject[]>;
  podMetrics(namespace?: string): Promise<ResourceUsage[]>;
  nodeMetrics(): Promise<ResourceUsage[]>;
}

import type { ClusterSnapshot } from './clusterSnapshot.js';
import type { KubeObject, ObjectRef } from './kubeObject.js';

/** Options of {@link ClusterGateway.snapshot}. */
export interface SnapshotOptions {
  /** Only this namespace (cluster-scoped kinds are still listed); all namespaces when missing. */
  namespace?: string;
  /** Kinds to list, e.g. `['Pod', 'Deployment']`; the gateway's default set when missing. */
  kinds?: string[];
  signal?: AbortSignal;
  /** Called after each kind is listed (or failed), for progress bars. */
  onProgress?: (done: number, total: number, kind: string) => void;
}

/** Options of {@link ClusterGateway.list}. */
export interface ListOptions {
  namespace?: string;
  /** e.g. `app=backend,tier!=cache` */
  labelSelector?: string;
  /** e.g. `status.phase=Running` */
  fieldSelector?: string;
  signal?: AbortSignal;
}

/** Options of {@link ClusterGateway.watch}. */
export interface WatchOptions {
  namespace?: string;
  /** Start after this version; from now when missing. */
  resourceVersion?: string;
  labelSelector?: string;
  /** Ends the watch. */
  signal: AbortSignal;
}

/** An event of a watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: KubeObject;
}

/**
 * Options of a write. `dryRun` asks the API server to run admission and defaulting without persisting
 * (`dryRun=All`): the operation lifecycle dry-runs every change before review.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run
 */
export interface WriteOptions {
  dryRun?: boolean;
  signal?: AbortSignal;
}

/**
 * Options of a server-side apply.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
 */
export interface ApplyOptions extends WriteOptions {
  /** `opspilot` when missing. */
  fieldManager?: string;
  /** Take ownership of fields another manager owns instead of failing with a conflict. */
  force?: boolean;
}

/**
 * Options of {@link ClusterGateway.patch}. `strategic` (built-in kinds: lists of named items such as containers and
 * env are merged by name, what `kubectl set image|env|resources`, `label` and `annotate` send), `merge` (RFC 7386,
 * works for custom resources too) or `json` (RFC 6902 operations).
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export interface PatchOptions extends WriteOptions {
  type?: 'strategic' | 'merge' | 'json';
  /** `opspilot` when missing. */
  fieldManager?: string;
}

/** Options of {@link ClusterGateway.delete}. */
export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/**
 * Options of {@link ClusterGateway.evict}: the `deleteOptions` of a policy/v1 Eviction.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#create-eviction-of-a-pod
 */
export interface EvictOptions extends WriteOptions {
  /**
   * Evict only the pod with this uid (a `preconditions.uid`): a pod re-created under the same name (a StatefulSet's)
   * is then a `ConflictError` instead of being evicted in its turn.
   */
  uid?: string;
  /** Seconds the pod gets to stop; the pod's own `terminationGracePeriodSeconds` when missing. */
  gracePeriodSeconds?: number;
}

/** Options of {@link ClusterGateway.rolloutUndo}. */
export interface RolloutUndoOptions extends WriteOptions {
  /** The revision to return to; the previous one when missing (as `kubectl rollout undo`). */
  toRevision?: number;
}

/** Options of {@link ClusterGateway.logs}, as `kubectl logs` takes them. */
export interface LogOptions {
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  previous?: boolean;
  timestamps?: boolean;
  signal?: AbortSignal;
}

/** Options of {@link ClusterGateway.events}: all events of a namespace, or those about one object. */
export interface EventsOptions {
  namespace?: string;
  involved?: ObjectRef;
  signal?: AbortSignal;
}

/** Progress of a rollout, as `kubectl rollout status` reports it. */
export interface RolloutStatus {
  done: boolean;
  /**
   * The rollout cannot finish by waiting (e.g. `ProgressDeadlineExceeded`, or a strategy `rollout status` cannot
   * follow): stop polling, roll back or report. Missing means false.
   */
  failed?: boolean;
  message: string;
  updatedReplicas: number;
  availableReplicas: number;
  desiredReplicas: number;
}

/** CPU (millicores) and memory (bytes) in use by a pod or node, from `metrics.k8s.io`. */
export interface ResourceUsage {
  ref: ObjectRef;
  cpuMillicores: number;
  memoryBytes: number;
}

/**
 * The Kubernetes access port: analyzers, `ops` and the tools reach a cluster only through it, so the same code
 * runs against the simulated cluster and a real one. Implemented over `@kubernetes/client-node` by
 * `@opspilot/kube`; every failure is a typed opspilot error with a hint (`NotFoundError` for a missing object,
 * `ConflictError` for a stale resourceVersion, `NotAllowedError` for RBAC, `DisruptionBudgetError` for an eviction a
 * PodDisruptionBudget refuses, `UpstreamError` otherwise).
 * Diffing live against proposed objects is a pure function elsewhere, not part of this port.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ClusterGateway {
  /** Lists many kinds in parallel; a kind that fails (e.g. forbidden) is reported in `errors`, not thrown. */
  snapshot(options?: SnapshotOptions): Promise<ClusterSnapshot>;
  /** The object, or `undefined` when it does not exist. */
  get(ref: ObjectRef, options?: { signal?: AbortSignal }): Promise<KubeObject | undefined>;
  list(kind: string, options?: ListOptions): Promise<KubeObject[]>;
  /** Streams changes to `onEvent` until `options.signal` aborts; resolves when the watch ends. */
  watch(kind: string, options: WatchOptions, onEvent: (event: WatchEvent) => void): Promise<void>;
  /** Server-side apply; creates the object when missing. */
  apply(object: KubeObject, options?: ApplyOptions): Promise<KubeObject>;
  /**
   * Patches an existing object (strategic merge by default): an imperative change of the fields named, leaving every
   * other field — and who manages it — as it is. A `metadata.resourceVersion` in a strategic or merge patch is a
   * precondition (a stale one is a `ConflictError`).
   */
  patch(ref: ObjectRef, patch: unknown, options?: PatchOptions): Promise<KubeObject>;
  delete(ref: ObjectRef, options?: DeleteOptions): Promise<void>;
  /**
   * Evicts a pod through the Eviction API (what `kubectl drain` does) instead of deleting it, so the API server
   * checks the PodDisruptionBudgets selecting it first. A budget that allows no disruption now refuses with a
   * `DisruptionBudgetError` naming it (temporary: retry once the budget's pods are Ready elsewhere); a pod already
   * gone is a `NotFoundError`. Resolves once the eviction is accepted: the pod is then terminating, not yet gone.
   * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
   */
  evict(pod: ObjectRef, options?: EvictOptions): Promise<void>;
  /** Sets `spec.replicas` through the scale subresource (`kubectl scale`). */
  scale(ref: ObjectRef, replicas: number, options?: WriteOptions): Promise<KubeObject>;
  /** Stamps the pod template with a restart annotation (`kubectl rollout restart`). */
  rolloutRestart(ref: ObjectRef, options?: WriteOptions): Promise<KubeObject>;
  /** Returns the pod template to an earlier revision (`kubectl rollout undo`). */
  rolloutUndo(ref: ObjectRef, options?: RolloutUndoOptions): Promise<KubeObject>;
  /** One reading of rollout progress; callers poll it on the `Clock` port until done or a deadline. */
  rolloutStatus(ref: ObjectRef, options?: { signal?: AbortSignal }): Promise<RolloutStatus>;
  /** Log text of one pod's container. Untrusted data: label it as such before it reaches a model. */
  logs(pod: ObjectRef, options?: LogOptions): Promise<string>;
  /** Core v1 Event objects, newest last. */
  events(options?: EventsOptions): Promise<KubeObject[]>;
  podMetrics(options?: { namespace?: string; signal?: AbortSignal }): Promise<ResourceUsage[]>;
  nodeMetrics(options?: { signal?: AbortSignal }): Promise<ResourceUsage[]>;
}

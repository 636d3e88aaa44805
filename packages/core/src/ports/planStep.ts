import { z } from 'zod';
import { KubeObject, ObjectMeta, ObjectRef } from './kubeObject.js';

const described = { description: z.string().min(1) };

/**
 * Server-side apply of an object. `create` sends a whole manifest (a new object, or one replaced in full);
 * `patch` sends a partial object that names only the fields to set (image, env, resources, labels, a Service
 * selector, a claim's size) — the same body less its identity is a strategic-merge patch, which is how it is rendered
 * for kubectl and may be sent with `ClusterGateway.patch`.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
 */
/** Label or annotation values of a step's object; `null` (patch mode only) removes the key, as `kubectl label k-` does. */
const MetadataValues = z.record(z.string(), z.string().nullable()).optional();

/** The object of an apply step: a Kubernetes object whose label and annotation values may be `null` (removals). */
export const StepObject = KubeObject.extend({
  metadata: ObjectMeta.extend({ labels: MetadataValues, annotations: MetadataValues }),
});
export type StepObject = z.infer<typeof StepObject>;

export const ApplyStep = z.object({
  op: z.literal('apply'),
  mode: z.enum(['create', 'patch']),
  object: StepObject,
  ...described,
});

/** `kubectl scale`: sets `spec.replicas` through the scale subresource; `fromReplicas` is what it was when planned. */
export const ScaleStep = z.object({
  op: z.literal('scale'),
  target: ObjectRef,
  replicas: z.int().min(0),
  fromReplicas: z.int().min(0).optional(),
  ...described,
});

/** `kubectl rollout restart`. */
export const RolloutRestartStep = z.object({ op: z.literal('rolloutRestart'), target: ObjectRef, ...described });

/** `kubectl rollout undo`; the previous revision when `toRevision` is missing. */
export const RolloutUndoStep = z.object({
  op: z.literal('rolloutUndo'),
  target: ObjectRef,
  toRevision: z.int().positive().optional(),
  ...described,
});

/** `kubectl delete`. */
export const DeleteStep = z.object({ op: z.literal('delete'), target: ObjectRef, ...described });

/** `kubectl cordon` / `kubectl uncordon` of a Node (`spec.unschedulable`). */
export const CordonStep = z.object({ op: z.enum(['cordon', 'uncordon']), target: ObjectRef, ...described });

/**
 * `kubectl drain`: cordon, then evict the node's pods through the Eviction API, so PodDisruptionBudgets are honoured.
 * DaemonSet pods stay with `ignoreDaemonSets` (and refuse the drain without it), mirror pods always stay; pods with
 * emptyDir volumes are evicted, their data lost, with `deleteEmptyDirData` (and refuse the drain without it); pods
 * no controller declares refuse it.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/
 */
export const DrainStep = z.object({
  op: z.literal('drain'),
  target: ObjectRef,
  ignoreDaemonSets: z.boolean().default(true),
  deleteEmptyDirData: z.boolean().default(true),
  ...described,
});

/**
 * `kubectl logs` of a pod, or of a workload's pods (target kind Deployment, StatefulSet, …); `match` keeps only the
 * lines matching this case-insensitive regular expression (what `| grep -iE` does after kubectl).
 */
export const LogsStep = z.object({
  op: z.literal('logs'),
  target: ObjectRef,
  container: z.string().min(1).optional(),
  /** For a workload target: its pods' selector (`app=backend`), so every pod's logs are read, not just one's. */
  labelSelector: z.string().min(1).optional(),
  sinceSeconds: z.int().positive().optional(),
  tailLines: z.int().positive().optional(),
  match: z.string().min(1).optional(),
  ...described,
});

/** `kubectl get` of one object, or `kubectl describe` of it. */
export const GetStep = z.object({ op: z.enum(['get', 'describe']), target: ObjectRef, ...described });

/**
 * `kubectl get <kind>` with selectors; every namespace when `namespace` is missing (for namespaced kinds).
 * `show: 'images'` lists each pod's or workload's container images.
 */
export const ListStep = z.object({
  op: z.literal('list'),
  kind: z.string().min(1),
  namespace: z.string().min(1).optional(),
  labelSelector: z.string().min(1).optional(),
  fieldSelector: z.string().min(1).optional(),
  show: z.enum(['default', 'wide', 'images']).default('default'),
  ...described,
});

/** Diagnosis of one object (or a namespace): status, conditions, events and its pods; answers "what's wrong with X". */
export const AnalyzeStep = z.object({
  op: z.literal('analyze'),
  target: ObjectRef.optional(),
  namespace: z.string().min(1).optional(),
  question: z.string().min(1),
  ...described,
});

/**
 * What changed in a window ("what changed in the last hour"): the audit log's entries (who asked for what, what was
 * applied), rollouts (ReplicaSets created) and events, newest first, read through the `AuditLog` and
 * `ClusterGateway` ports.
 */
export const ChangesStep = z.object({
  op: z.literal('changes'),
  namespace: z.string().min(1).optional(),
  /** How far back to look, in seconds (default an hour). */
  sinceSeconds: z
    .number()
    .int()
    .positive()
    .max(31 * 86_400)
    .default(3600),
  ...described,
});

/**
 * One concrete Kubernetes operation of a {@link Plan}. The `op` names the `ClusterGateway` call (or read) that carries
 * it out; nothing here runs anything.
 */
export const PlanStep = z.discriminatedUnion('op', [
  ApplyStep,
  ScaleStep,
  RolloutRestartStep,
  RolloutUndoStep,
  DeleteStep,
  CordonStep,
  DrainStep,
  LogsStep,
  GetStep,
  ListStep,
  AnalyzeStep,
  ChangesStep,
]);
export type PlanStep = z.infer<typeof PlanStep>;

/** The `op` of a {@link PlanStep}. */
export type PlanStepOp = PlanStep['op'];

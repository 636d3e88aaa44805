import { z } from 'zod';

const count = z.number().int().optional();
const condition = z.object({ type: z.string(), status: z.string().optional(), reason: z.string().optional() }).loose();

/**
 * The fields of a Deployment that rollouts read.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/
 */
export const DeploymentView = z
  .object({
    metadata: z.object({ name: z.string(), generation: count, uid: z.string().optional() }).loose(),
    spec: z
      .object({
        replicas: count,
        paused: z.boolean().optional(),
        selector: z
          .object({ matchLabels: z.record(z.string(), z.string()).optional() })
          .loose()
          .optional(),
        template: z.record(z.string(), z.unknown()).optional(),
      })
      .loose()
      .default({}),
    status: z
      .object({
        observedGeneration: count,
        replicas: count,
        updatedReplicas: count,
        availableReplicas: count,
        readyReplicas: count,
        conditions: z.array(condition).optional(),
      })
      .loose()
      .default({}),
  })
  .loose();
export type DeploymentView = z.infer<typeof DeploymentView>;

const rollingStrategy = z
  .object({
    type: z.string().optional(),
    rollingUpdate: z.object({ partition: count }).loose().optional(),
  })
  .loose();

/**
 * The fields of a StatefulSet that `rollout status` reads.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/stateful-set-v1/
 */
export const StatefulSetView = z
  .object({
    metadata: z.object({ name: z.string(), generation: count }).loose(),
    spec: z.object({ replicas: count, updateStrategy: rollingStrategy.optional() }).loose().default({}),
    status: z
      .object({
        observedGeneration: count,
        replicas: count,
        readyReplicas: count,
        currentReplicas: count,
        updatedReplicas: count,
        currentRevision: z.string().optional(),
        updateRevision: z.string().optional(),
      })
      .loose()
      .default({}),
  })
  .loose();
export type StatefulSetView = z.infer<typeof StatefulSetView>;

/**
 * The fields of a DaemonSet that `rollout status` reads.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/daemon-set-v1/
 */
export const DaemonSetView = z
  .object({
    metadata: z.object({ name: z.string(), generation: count }).loose(),
    spec: z.object({ updateStrategy: rollingStrategy.optional() }).loose().default({}),
    status: z
      .object({
        observedGeneration: count,
        desiredNumberScheduled: count,
        updatedNumberScheduled: count,
        numberAvailable: count,
      })
      .loose()
      .default({}),
  })
  .loose();
export type DaemonSetView = z.infer<typeof DaemonSetView>;

/** The fields of a ReplicaSet that `rollout undo` reads: its revision, owner and pod template. */
export const ReplicaSetView = z
  .object({
    metadata: z
      .object({
        name: z.string(),
        annotations: z.record(z.string(), z.string()).optional(),
        ownerReferences: z.array(z.object({ uid: z.string(), controller: z.boolean().optional() }).loose()).optional(),
      })
      .loose(),
    spec: z
      .object({ template: z.record(z.string(), z.unknown()).optional() })
      .loose()
      .default({}),
  })
  .loose();
export type ReplicaSetView = z.infer<typeof ReplicaSetView>;

import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { CommitSha } from './ciRun.js';

const deploymentFields = {
  cluster_id: Uuid,
  namespace: z.string().min(1).max(253),
  workload_kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']),
  workload: z.string().min(1).max(253),
  /** The service the workload belongs to: its `app.kubernetes.io/name` (or `app`) label, else the workload's name. */
  service: z.string().min(1).max(253),
  /** Images of the workload's containers, sorted; a change of this list is a new deployment. */
  images: z.array(z.string().min(1)).min(1),
  /** The tag of the first image that has one (a commit id, a version or `latest`). */
  image_tag: z.string().max(128).optional(),
  commit_sha: CommitSha.optional(),
  /** The Helm chart as its `helm.sh/chart` label names it, e.g. `todo-0.3.1`. */
  chart: z.string().max(255).optional(),
  /** The workload's rollout revision (`deployment.kubernetes.io/revision`). */
  revision: z.string().max(20).optional(),
  /** True when the images equal an earlier deployment's: a roll back, and the deployment it replaced failed. */
  rollback: z.boolean().default(false),
  /** The CI run that built what was deployed, when one could be found. */
  run_id: Uuid.optional(),
  /** How the run was found: `commit` (tag or annotation), `tag` (a release ref) or absent. */
  link: z.enum(['commit', 'tag']).optional(),
  deployed_at: Timestamp,
};

/** A rollout of new images seen on a cluster (migration 0021 `deployment_records`): what DORA metrics count. */
export const DeploymentRecord = z.object({ id: Uuid, ...deploymentFields, created_at: Timestamp });
export type DeploymentRecord = z.infer<typeof DeploymentRecord>;
export const NewDeploymentRecord = z.object(deploymentFields);
export type NewDeploymentRecord = z.input<typeof NewDeploymentRecord>;

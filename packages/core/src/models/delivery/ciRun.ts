import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { PipelineRunStatus, PipelineStage } from '../seed004/pipelineRun.js';

/** CI system a run was reported by. */
export const CiProvider = z.enum(['GITHUB', 'GITLAB']);
export type CiProvider = z.infer<typeof CiProvider>;

/**
 * What the provider's webhook described: a GitHub `workflow_run` or `check_suite`, a GitLab pipeline or job.
 * Jobs are kept as runs of their own whose `parent_key` is their pipeline's `run_key`.
 */
export const CiRunKind = z.enum(['WORKFLOW_RUN', 'CHECK_SUITE', 'PIPELINE', 'JOB']);
export type CiRunKind = z.infer<typeof CiRunKind>;

/** A full or abbreviated lowercase commit id. */
export const CommitSha = z.string().regex(/^[0-9a-f]{7,64}$/, 'must be a lowercase hexadecimal commit id');

const ciRunFields = {
  provider: CiProvider,
  kind: CiRunKind,
  /** Stable identity across deliveries: `github:<repo>:workflow_run:<id>`, `gitlab:<project>:pipeline:<id>`, … */
  run_key: z.string().min(1).max(512),
  external_id: z.string().min(1).max(100),
  /** `owner/name` (GitHub) or the project's path with namespace (GitLab). */
  repository: z.string().min(1).max(255),
  /** Workflow name (GitHub), the project's path (GitLab pipeline) or the job's name. */
  pipeline: z.string().min(1).max(255),
  status: PipelineRunStatus,
  /** The provider's own conclusion word (`success`, `failure`, `timed_out`, `failed`, `canceled`, …). */
  conclusion: z.string().max(50).optional(),
  commit_sha: CommitSha.optional(),
  commit_message: z.string().max(4000).optional(),
  /** When the commit was made (from the payload's head commit); lead time for changes starts here. */
  commit_at: Timestamp.optional(),
  /** Branch or tag name the run built. */
  ref: z.string().max(255).optional(),
  tag: z.boolean().default(false),
  author: z.string().max(255).optional(),
  trigger: z.string().min(1).max(100).default('push'),
  url: z.string().max(2048).optional(),
  stages: z.array(PipelineStage).default([]),
  parent_key: z.string().max(512).optional(),
  /**
   * The GitHub check suite the run is (`github:<repo>:check_suite:<id>`): a `check_suite` delivery's own key, a
   * `workflow_run`'s `check_suite_id`. Both deliveries of one Actions run carry it, so they are stored as one run
   * (migration 0030, unique).
   */
  suite_key: z.string().max(512).optional(),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
  duration_ms: z.number().int().min(0).optional(),
};

/** A pipeline run reported by a CI webhook (migration 0021 `ci_runs`), updated as later deliveries arrive. */
export const CiRun = z.object({ id: Uuid, ...ciRunFields, created_at: Timestamp, updated_at: Timestamp });
export type CiRun = z.infer<typeof CiRun>;

/** A run as parsed from a webhook, before it is stored. */
export const NewCiRun = z.object(ciRunFields);
export type NewCiRun = z.input<typeof NewCiRun>;

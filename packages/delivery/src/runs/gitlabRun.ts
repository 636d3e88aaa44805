import {
  err,
  InputError,
  type NewCiRun,
  ok,
  type PipelineRunStatus,
  type PipelineStage,
  type Result,
} from '@opspilot/core';
import { z } from 'zod';
import { opt } from './githubRun.js';
import { commitOf, durationBetween, isoTime } from './runTime.js';

const Nullable = z.string().nullish();
const User = z.object({ name: z.string().nullish(), username: z.string().nullish() }).nullish();

/** The parts of GitLab's Pipeline Hook payload (`object_kind: "pipeline"`) a run is made of. */
export const GitlabPipelineEvent = z.object({
  object_kind: z.literal('pipeline'),
  object_attributes: z.object({
    id: z.number().int(),
    iid: z.number().int().nullish(),
    name: Nullable,
    ref: Nullable,
    tag: z.boolean().nullish(),
    sha: z.string(),
    source: Nullable,
    status: z.string(),
    created_at: Nullable,
    finished_at: Nullable,
    duration: z.number().nullish(),
    url: Nullable,
  }),
  user: User,
  project: z.object({ path_with_namespace: z.string().min(1), web_url: z.string().nullish() }),
  commit: z
    .object({
      id: z.string(),
      message: Nullable,
      timestamp: Nullable,
      author: z.object({ name: z.string().nullish() }).nullish(),
    })
    .nullish(),
  builds: z
    .array(
      z.object({
        id: z.number().int(),
        stage: z.string(),
        name: z.string(),
        status: z.string(),
        started_at: Nullable,
        finished_at: Nullable,
        duration: z.number().nullish(),
      }),
    )
    .nullish(),
});

/** The parts of GitLab's Job Hook payload (`object_kind: "build"`) a run is made of. */
export const GitlabJobEvent = z.object({
  object_kind: z.literal('build'),
  ref: Nullable,
  tag: z.boolean().nullish(),
  sha: z.string(),
  build_id: z.number().int(),
  build_name: z.string(),
  build_stage: z.string(),
  build_status: z.string(),
  build_created_at: Nullable,
  build_started_at: Nullable,
  build_finished_at: Nullable,
  build_duration: z.number().nullish(),
  pipeline_id: z.number().int(),
  project_name: z.string().optional(),
  user: User,
  commit: z.object({ message: Nullable, author_name: Nullable }).nullish(),
  repository: z.object({ name: z.string(), homepage: z.string().nullish() }),
  project: z.object({ path_with_namespace: z.string().min(1) }).nullish(),
});

/** GitLab's pipeline and job status words as a run status. */
export function gitlabStatus(status: string): PipelineRunStatus {
  switch (status) {
    case 'success':
    case 'skipped':
      return 'SUCCEEDED';
    case 'failed':
      return 'FAILED';
    case 'canceled':
    case 'canceling':
      return 'CANCELLED';
    case 'running':
      return 'RUNNING';
    default:
      return 'QUEUED';
  }
}

function invalid(event: string, error: z.ZodError): InputError {
  const first = error.issues[0];
  return new InputError(`not a GitLab ${event}: ${first?.path.join('.')}: ${first?.message}`, {
    hint: 'enable "Pipeline events" or "Job events" on the GitLab webhook',
  });
}

/** A project's path from a job payload: the project block when present, else the repository's homepage. */
function projectPath(p: z.infer<typeof GitlabJobEvent>): string {
  if (p.project?.path_with_namespace) return p.project.path_with_namespace;
  const home = p.repository.homepage ? /^https?:\/\/[^/]+\/(.+)$/.exec(p.repository.homepage)?.[1] : undefined;
  return home ?? p.repository.name;
}

/**
 * The run a GitLab webhook describes, by its `X-Gitlab-Event` header: `Pipeline Hook` (a pipeline, its jobs as
 * stages) or `Job Hook` (one job, kept as a run whose `parent_key` is its pipeline). Other events give `undefined`.
 * @see https://docs.gitlab.com/user/project/integrations/webhook_events/#pipeline-events
 */
export function gitlabRunOf(event: string, body: unknown): Result<NewCiRun | undefined, InputError> {
  if (event === 'Pipeline Hook') {
    const p = GitlabPipelineEvent.safeParse(body);
    if (!p.success) return err(invalid('Pipeline Hook payload', p.error));
    const a = p.data.object_attributes;
    const project = p.data.project.path_with_namespace;
    const stages: PipelineStage[] = (p.data.builds ?? [])
      .slice()
      .sort((x, y) => x.id - y.id)
      .map((b) => {
        const started = isoTime(b.started_at);
        const finished = isoTime(b.finished_at);
        return {
          name: `${b.stage}/${b.name}`,
          status: gitlabStatus(b.status),
          ...opt('started_at', started),
          ...opt('finished_at', started && finished && finished >= started ? finished : undefined),
          ...opt('duration_ms', b.duration == null ? undefined : Math.round(b.duration * 1000)),
        };
      });
    const started = isoTime(a.created_at);
    const finished = isoTime(a.finished_at);
    return ok({
      provider: 'GITLAB',
      kind: 'PIPELINE',
      run_key: `gitlab:${project}:pipeline:${a.id}`,
      external_id: String(a.id),
      repository: project,
      pipeline: a.name || project,
      status: gitlabStatus(a.status),
      conclusion: a.status,
      ...opt('commit_sha', commitOf(a.sha)),
      ...opt('commit_message', p.data.commit?.message?.slice(0, 4000) ?? undefined),
      ...opt('commit_at', isoTime(p.data.commit?.timestamp)),
      ...opt('ref', a.ref ?? undefined),
      tag: a.tag ?? false,
      ...opt('author', p.data.commit?.author?.name ?? p.data.user?.name ?? p.data.user?.username),
      trigger: a.source || 'push',
      ...opt('url', a.url ?? undefined),
      stages,
      ...opt('started_at', started),
      ...opt('finished_at', finished),
      ...opt('duration_ms', a.duration == null ? durationBetween(started, finished) : Math.round(a.duration * 1000)),
    });
  }
  if (event === 'Job Hook') {
    const p = GitlabJobEvent.safeParse(body);
    if (!p.success) return err(invalid('Job Hook payload', p.error));
    const j = p.data;
    const project = projectPath(j);
    const started = isoTime(j.build_started_at) ?? isoTime(j.build_created_at);
    const finished = isoTime(j.build_finished_at);
    return ok({
      provider: 'GITLAB',
      kind: 'JOB',
      run_key: `gitlab:${project}:job:${j.build_id}`,
      external_id: String(j.build_id),
      repository: project,
      pipeline: `${j.build_stage}/${j.build_name}`,
      status: gitlabStatus(j.build_status),
      conclusion: j.build_status,
      ...opt('commit_sha', commitOf(j.sha)),
      ...opt('commit_message', j.commit?.message?.slice(0, 4000) ?? undefined),
      ...opt('ref', j.ref ?? undefined),
      tag: j.tag ?? false,
      ...opt('author', j.commit?.author_name ?? j.user?.name ?? undefined),
      trigger: 'job',
      parent_key: `gitlab:${project}:pipeline:${j.pipeline_id}`,
      ...opt('started_at', started),
      ...opt('finished_at', started && finished && finished >= started ? finished : undefined),
      ...opt(
        'duration_ms',
        j.build_duration == null ? durationBetween(started, finished) : Math.round(j.build_duration * 1000),
      ),
    });
  }
  return ok(undefined);
}

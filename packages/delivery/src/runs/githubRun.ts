import { err, InputError, type NewCiRun, ok, type PipelineRunStatus, type Result } from '@opspilot/core';
import { z } from 'zod';
import { commitOf, durationBetween, isoTime } from './runTime.js';

const Nullable = z.string().nullish();
const Repository = z.object({ full_name: z.string().min(1) });
const HeadCommit = z
  .object({
    id: z.string(),
    message: z.string().nullish(),
    timestamp: Nullable,
    author: z.object({ name: z.string().nullish(), email: z.string().nullish() }).nullish(),
  })
  .nullish();

/** The parts of GitHub's `workflow_run` webhook payload a run is made of (the rest is ignored). */
export const GithubWorkflowRunEvent = z.object({
  action: z.string(),
  workflow_run: z.object({
    id: z.number().int(),
    name: Nullable,
    head_branch: Nullable,
    head_sha: z.string(),
    path: z.string().optional(),
    display_title: z.string().optional(),
    run_number: z.number().int().optional(),
    run_attempt: z.number().int().optional(),
    /** The check suite GitHub made for this run: the `id` of the `check_suite` delivery of the same run. */
    check_suite_id: z.number().int().nullish(),
    event: z.string(),
    status: Nullable,
    conclusion: Nullable,
    html_url: z.string().optional(),
    created_at: z.string(),
    updated_at: z.string().optional(),
    run_started_at: Nullable,
    actor: z.object({ login: z.string() }).nullish(),
    head_commit: HeadCommit,
  }),
  repository: Repository,
});

/** The parts of GitHub's `check_suite` webhook payload a run is made of. */
export const GithubCheckSuiteEvent = z.object({
  action: z.string(),
  check_suite: z.object({
    id: z.number().int(),
    head_branch: Nullable,
    head_sha: z.string(),
    status: Nullable,
    conclusion: Nullable,
    created_at: Nullable,
    updated_at: Nullable,
    app: z.object({ name: z.string().nullish(), slug: z.string().nullish() }).nullish(),
    head_commit: HeadCommit,
  }),
  repository: Repository,
  sender: z.object({ login: z.string() }).nullish(),
});

/** GitHub's status and conclusion words as a run status. */
export function githubStatus(
  status: string | null | undefined,
  conclusion: string | null | undefined,
): PipelineRunStatus {
  if (status !== 'completed') return status === 'in_progress' ? 'RUNNING' : 'QUEUED';
  if (conclusion === 'success' || conclusion === 'neutral' || conclusion === 'skipped') return 'SUCCEEDED';
  if (conclusion === 'cancelled' || conclusion === 'stale') return 'CANCELLED';
  return 'FAILED';
}

function invalid(event: string, error: z.ZodError): InputError {
  const first = error.issues[0];
  return new InputError(`not a GitHub ${event} payload: ${first?.path.join('.')}: ${first?.message}`, {
    hint: `subscribe the webhook to "${event}" events with content type application/json`,
  });
}

/** The key of a repository's check suite: a `check_suite` run's own key, and a `workflow_run`'s `suite_key`. */
export function githubSuiteKey(repository: string, checkSuiteId: number): string {
  return `github:${repository}:check_suite:${checkSuiteId}`;
}

/**
 * The run a GitHub webhook describes: `workflow_run` (one workflow's run, re-sent as it is requested, in progress and
 * completed) or `check_suite`. Other events (`ping`, …) give `undefined`: accepted and ignored. GitHub Actions makes
 * one check suite per workflow run (`workflow_run.check_suite_id` is its `check_suite.id`; several workflows on one
 * commit share the `head_sha` but not the suite), so both deliveries carry the same `suite_key` and are stored as one
 * run by {@link recordRun}.
 * @see https://docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_run
 * @see https://docs.github.com/en/webhooks/webhook-events-and-payloads#check_suite
 */
export function githubRunOf(event: string, body: unknown): Result<NewCiRun | undefined, InputError> {
  if (event === 'workflow_run') {
    const p = GithubWorkflowRunEvent.safeParse(body);
    if (!p.success) return err(invalid(event, p.error));
    const r = p.data.workflow_run;
    const started = isoTime(r.run_started_at) ?? isoTime(r.created_at);
    const finished = r.status === 'completed' ? isoTime(r.updated_at) : undefined;
    return ok({
      provider: 'GITHUB',
      kind: 'WORKFLOW_RUN',
      run_key: `github:${p.data.repository.full_name}:workflow_run:${r.id}`,
      external_id: String(r.id),
      ...opt('suite_key', r.check_suite_id ? githubSuiteKey(p.data.repository.full_name, r.check_suite_id) : undefined),
      repository: p.data.repository.full_name,
      pipeline: r.name || r.path || 'workflow',
      status: githubStatus(r.status, r.conclusion),
      ...(r.conclusion ? { conclusion: r.conclusion } : {}),
      ...opt('commit_sha', commitOf(r.head_sha)),
      ...opt('commit_message', r.head_commit?.message?.slice(0, 4000) ?? undefined),
      ...opt('commit_at', isoTime(r.head_commit?.timestamp)),
      ...opt('ref', r.head_branch ?? undefined),
      tag: false,
      ...opt('author', r.head_commit?.author?.name ?? r.actor?.login),
      trigger: r.event,
      ...opt('url', r.html_url),
      ...opt('started_at', started),
      ...opt('finished_at', finished),
      ...opt('duration_ms', durationBetween(started, finished)),
    });
  }
  if (event === 'check_suite') {
    const p = GithubCheckSuiteEvent.safeParse(body);
    if (!p.success) return err(invalid(event, p.error));
    const s = p.data.check_suite;
    const started = isoTime(s.created_at);
    const finished = s.status === 'completed' ? isoTime(s.updated_at) : undefined;
    const key = githubSuiteKey(p.data.repository.full_name, s.id);
    return ok({
      provider: 'GITHUB',
      kind: 'CHECK_SUITE',
      run_key: key,
      external_id: String(s.id),
      suite_key: key,
      repository: p.data.repository.full_name,
      pipeline: s.app?.name || s.app?.slug || 'checks',
      status: githubStatus(s.status, s.conclusion),
      ...(s.conclusion ? { conclusion: s.conclusion } : {}),
      ...opt('commit_sha', commitOf(s.head_sha)),
      ...opt('commit_message', s.head_commit?.message?.slice(0, 4000) ?? undefined),
      ...opt('commit_at', isoTime(s.head_commit?.timestamp)),
      ...opt('ref', s.head_branch ?? undefined),
      tag: false,
      ...opt('author', s.head_commit?.author?.name ?? p.data.sender?.login),
      trigger: 'check_suite',
      ...opt('started_at', started),
      ...opt('finished_at', finished),
      ...opt('duration_ms', durationBetween(started, finished)),
    });
  }
  return ok(undefined);
}

/** `{ [key]: value }` when the value is defined, else nothing (keeps optional fields absent rather than undefined). */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === undefined || value === null || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
}

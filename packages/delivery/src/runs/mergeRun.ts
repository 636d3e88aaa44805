import type { CiRun, NewCiRun, PipelineRunStatus } from '@opspilot/core';
import { durationBetween } from './runTime.js';

const FINAL: ReadonlySet<PipelineRunStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const rank = (s: PipelineRunStatus) => (FINAL.has(s) ? 2 : s === 'RUNNING' ? 1 : 0);

/** Fields a delivery of the same kind as the stored run replaces; the run's own identity for the other kind. */
const IDENTITY = ['kind', 'run_key', 'external_id', 'pipeline', 'trigger', 'url', 'started_at'] as const;

/**
 * Whether a delivery of the same kind (the same `run_key`) is older news than the stored run: a late "in progress" of
 * the same attempt (same or earlier start) after the run finished. A re-run (a later start) is not stale.
 */
function staleSameKind(existing: CiRun, incoming: NewCiRun): boolean {
  return (
    FINAL.has(existing.status) &&
    !FINAL.has(incoming.status) &&
    (incoming.started_at ?? '') <= (existing.started_at ?? '')
  );
}

/**
 * Whether the other delivery of one GitHub Actions run (`check_suite` for a `workflow_run`, or the reverse) carries the
 * newer status: a later stage (queued < running < finished), or, both finished, the later finish (the workflow run's on
 * a tie). Independent of arrival order, so both orders store the same run.
 */
function newerAcrossKinds(existing: CiRun, incoming: NewCiRun): boolean {
  const a = rank(existing.status);
  const b = rank(incoming.status);
  if (a !== b) return b > a;
  if (a < 2) return incoming.kind === 'WORKFLOW_RUN';
  const e = existing.finished_at ?? '';
  const i = incoming.finished_at ?? '';
  return i > e || (i === e && incoming.kind === 'WORKFLOW_RUN');
}

/**
 * The patch that folds a delivery into the stored run it belongs to, or `undefined` when it changes nothing.
 * - same kind (same `run_key`): the delivery replaces the run unless it is {@link staleSameKind stale}; stages and the
 *   commit's details are kept when the delivery has none;
 * - the other kind of the same check suite: a `workflow_run` gives the run its identity (kind, key, id, workflow name,
 *   trigger, url, start) whichever came first; the status, conclusion and finish come from whichever is
 *   {@link newerAcrossKinds newer}; missing details are filled from either.
 */
export function mergeRun(existing: CiRun, incoming: NewCiRun): Partial<CiRun> {
  const fill = {
    ...(incoming.commit_at && !existing.commit_at ? { commit_at: incoming.commit_at } : {}),
    ...(incoming.commit_message && !existing.commit_message ? { commit_message: incoming.commit_message } : {}),
    ...(incoming.commit_sha && !existing.commit_sha ? { commit_sha: incoming.commit_sha } : {}),
    ...(incoming.author && !existing.author ? { author: incoming.author } : {}),
    ...(incoming.ref && !existing.ref ? { ref: incoming.ref } : {}),
    ...(incoming.suite_key && !existing.suite_key ? { suite_key: incoming.suite_key } : {}),
  };
  if (incoming.kind === existing.kind) {
    if (staleSameKind(existing, incoming)) return fill;
    return {
      ...incoming,
      stages: incoming.stages && incoming.stages.length > 0 ? incoming.stages : existing.stages,
      commit_at: incoming.commit_at ?? existing.commit_at,
      commit_message: incoming.commit_message ?? existing.commit_message,
      suite_key: incoming.suite_key ?? existing.suite_key,
    } as Partial<CiRun>;
  }
  const identity: Partial<CiRun> = {};
  if (incoming.kind === 'WORKFLOW_RUN') {
    for (const k of IDENTITY) (identity as Record<string, unknown>)[k] = incoming[k];
    if (incoming.author) identity.author = incoming.author;
  }
  const status: Partial<CiRun> = newerAcrossKinds(existing, incoming)
    ? {
        status: incoming.status,
        conclusion: incoming.conclusion,
        finished_at: incoming.finished_at,
      }
    : {};
  const started = identity.started_at ?? existing.started_at;
  const finished = 'finished_at' in status ? status.finished_at : existing.finished_at;
  return { ...fill, ...identity, ...status, duration_ms: durationBetween(started, finished) };
}

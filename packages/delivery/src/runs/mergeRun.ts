import type { CiRun, NewCiRun, PipelineRunStatus } from '@opspilot/core';
import { durationBetween } from './runTime.js';

const FINAL: ReadonlySet<PipelineRunStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const rank = (s: PipelineRunStatus) => (FINAL.has(s) ? 2 : s === 'RUNNING' ? 1 : 0);

/** Fields a delivery of the same kind as the stored run replaces; the run's own identity for the other kind. */
const IDENTITY = ['kind', 'run_key', 'external_id', 'pipeline', 'trigger', 'url', 'started_at'] as const;

/**
 * Whether a delivery carries newer status than the stored run of the same attempt: a later stage (queued < running <
 * finished), or, both finished, the later finish. Ties go to a delivery of the run's own kind, and between the two
 * kinds of one GitHub Actions run to the `workflow_run`, so the result does not depend on the order of arrival.
 */
function newer(existing: CiRun, incoming: NewCiRun): boolean {
  const a = rank(existing.status);
  const b = rank(incoming.status);
  if (a !== b) return b > a;
  const tieToIncoming = incoming.kind === existing.kind || incoming.kind === 'WORKFLOW_RUN';
  if (a < 2) return tieToIncoming;
  const e = existing.finished_at ?? '';
  const i = incoming.finished_at ?? '';
  return i > e || (i === e && tieToIncoming);
}

/**
 * The patch that folds a delivery into the stored run it belongs to.
 * - a re-run (same kind, a later start) replaces the run; stages and the commit's details are kept when it has none;
 * - otherwise the delivery is another word on the same attempt: a delivery of the run's own kind, or a `workflow_run`
 *   for a run first stored from its `check_suite`, gives the run its identity (kind, key, id, workflow name, trigger,
 *   url, start); the status, conclusion and finish come from whichever is {@link newer} (so a late "in progress", or a
 *   redelivery, never undoes a finish); details missing on the run are filled from the delivery.
 */
export function mergeRun(existing: CiRun, incoming: NewCiRun): Partial<CiRun> {
  const sameKind = incoming.kind === existing.kind;
  const kept = {
    stages: incoming.stages && incoming.stages.length > 0 ? incoming.stages : existing.stages,
    commit_at: incoming.commit_at ?? existing.commit_at,
    commit_message: incoming.commit_message ?? existing.commit_message,
    suite_key: incoming.suite_key ?? existing.suite_key,
  };
  if (sameKind && (incoming.started_at ?? '') > (existing.started_at ?? '')) {
    return { ...incoming, ...kept } as Partial<CiRun>;
  }
  const fill = {
    ...(incoming.commit_at && !existing.commit_at ? { commit_at: incoming.commit_at } : {}),
    ...(incoming.commit_message && !existing.commit_message ? { commit_message: incoming.commit_message } : {}),
    ...(incoming.commit_sha && !existing.commit_sha ? { commit_sha: incoming.commit_sha } : {}),
    ...(incoming.author && !existing.author ? { author: incoming.author } : {}),
    ...(incoming.ref && !existing.ref ? { ref: incoming.ref } : {}),
    ...(incoming.suite_key && !existing.suite_key ? { suite_key: incoming.suite_key } : {}),
  };
  let identity: Partial<CiRun> = {};
  if (sameKind) {
    const { status: _s, conclusion: _c, finished_at: _f, duration_ms: _d, ...rest } = incoming;
    identity = { ...rest, ...kept } as Partial<CiRun>;
  } else if (incoming.kind === 'WORKFLOW_RUN') {
    for (const k of IDENTITY) (identity as Record<string, unknown>)[k] = incoming[k];
    if (incoming.author) identity.author = incoming.author;
  }
  const status: Partial<CiRun> = newer(existing, incoming)
    ? { status: incoming.status, conclusion: incoming.conclusion, finished_at: incoming.finished_at }
    : {};
  const started = identity.started_at ?? existing.started_at;
  const finished = 'finished_at' in status ? status.finished_at : existing.finished_at;
  return { ...fill, ...identity, ...status, duration_ms: durationBetween(started, finished) };
}

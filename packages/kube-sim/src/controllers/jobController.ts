import type { KubeObject } from '../store/kubeObject.js';
import { backoffMs } from './containerFate.js';
import type { ControllerContext } from './controllerContext.js';
import { deleteCascading } from './deleteCascading.js';
import { formatIndexes, jobCondition, jobFinished, setCondition } from './jobConditions.js';
import { isOwnedBy, unversioned } from './ownership.js';
import { judgeFailure, type PodFailureRule } from './podFailurePolicy.js';
import { createPodFromTemplate, phaseOf } from './podFromTemplate.js';
import { isPodReady } from './replicaSetController.js';

type Json = Record<string, unknown>;
interface JobSpec {
  parallelism?: number;
  completions?: number;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  suspend?: boolean;
  completionMode?: string;
  template?: { metadata?: Json; spec?: Json };
  podFailurePolicy?: { rules?: PodFailureRule[] };
}

const INDEX = 'batch.kubernetes.io/job-completion-index';
const SOURCE = 'job-controller';
const indexOf = (pod: KubeObject) => Number(pod.metadata.annotations?.[INDEX] ?? -1);
const restartsOf = (pod: KubeObject) =>
  (((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []).reduce(
    (n, s) => n + Number(s.restartCount ?? 0),
    0,
  );
const finishedAt = (pod: KubeObject) =>
  Math.max(
    0,
    ...(((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? []).map(
      (s) => Date.parse(String(((s.state as Json | undefined)?.terminated as Json | undefined)?.finishedAt ?? '')) || 0,
    ),
  );

/**
 * Runs Jobs as the job controller does: pods `<job>-<5 chars>` (Indexed: `<job>-<index>-<5 chars>`) up to
 * `parallelism` until `completions` succeed; failed pods (and restarts under OnFailure) count against
 * `backoffLimit` unless the `podFailurePolicy` ignores them or fails the Job at once (reason PodFailurePolicy), with back-off 10 s, 20 s, … before replacements; `activeDeadlineSeconds`; `suspend` (pods deleted,
 * `Suspended` condition, start time reset on resume); the 1.32 conditions SuccessCriteriaMet + Complete or
 * FailureTarget + Failed (BackoffLimitExceeded, DeadlineExceeded); `ttlSecondsAfterFinished` deleting the Job and its
 * pods; and the status counts.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
export function reconcileJobs(ctx: ControllerContext): void {
  const jobType = ctx.type('Job');
  const podType = ctx.type('Pod');
  const jobs = ctx.store.list(jobType).items;
  if (jobs.length === 0) return;
  const allPods = ctx.store.list(podType).items;
  const nowMs = ctx.clock.now().getTime();
  const now = ctx.timestamp();
  for (const job of jobs) {
    if (!ctx.begin(job)) continue;
    if (job.metadata.deletionTimestamp) continue;
    const done = jobFinished(job);
    if (done.finished) {
      expire(ctx, job, done.at, nowMs);
      continue;
    }
    const spec = job.spec as JobSpec;
    const previous = (job.status ?? {}) as Json;
    const pods = allPods.filter(
      (p) => p.metadata.namespace === job.metadata.namespace && isOwnedBy(p, job) && !p.metadata.deletionTimestamp,
    );
    const active = pods.filter((p) => !['Succeeded', 'Failed'].includes(phaseOf(p)));
    const succeededPods = pods.filter((p) => phaseOf(p) === 'Succeeded');
    const failedPods = pods.filter((p) => phaseOf(p) === 'Failed');
    const indexed = spec.completionMode === 'Indexed';
    const completedIndexes = indexed ? [...new Set(succeededPods.map(indexOf))].filter((i) => i >= 0) : [];
    const succeeded = Math.max(
      Number(previous.succeeded ?? 0),
      indexed ? completedIndexes.length : succeededPods.length,
    );
    const verdicts = failedPods.map((p) => judgeFailure(p, spec.podFailurePolicy?.rules));
    const failJob = verdicts.find((v) => v.action === 'FailJob');
    const failed = Math.max(
      Number(previous.failed ?? 0),
      verdicts.filter((v) => v.action !== 'Ignore').length + pods.reduce((n, p) => n + restartsOf(p), 0),
    );
    let conditions = ((previous.conditions as Json[] | undefined) ?? []).slice();
    let startTime = previous.startTime as string | undefined;
    let completionTime: string | undefined;
    const removeActive = () => {
      for (const pod of active.splice(0)) {
        ctx.store.delete(podType, pod.metadata.namespace, pod.metadata.name);
        ctx.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      }
    };
    const finish = (success: boolean, reason: string, message: string) => {
      removeActive();
      const target = success ? 'SuccessCriteriaMet' : 'FailureTarget';
      conditions = setCondition(conditions, jobCondition(target, true, reason, message, now));
      conditions = setCondition(conditions, jobCondition(success ? 'Complete' : 'Failed', true, reason, message, now));
      if (success) {
        completionTime = now;
        ctx.event(job, 'Normal', 'Completed', 'Job completed', SOURCE);
      } else ctx.event(job, 'Warning', reason, message, SOURCE);
    };
    const wasSuspended = conditions.some((c) => c.type === 'Suspended' && c.status === 'True');
    if (spec.suspend === true) {
      removeActive();
      if (!wasSuspended) {
        conditions = setCondition(conditions, jobCondition('Suspended', true, 'JobSuspended', 'Job suspended', now));
        ctx.event(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
      }
      startTime = undefined;
    } else {
      if (wasSuspended) {
        conditions = setCondition(conditions, jobCondition('Suspended', false, 'JobResumed', 'Job resumed', now));
        ctx.event(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
        startTime = now;
      }
      startTime ??= now;
      const deadline =
        spec.activeDeadlineSeconds !== undefined
          ? Date.parse(startTime) + spec.activeDeadlineSeconds * 1000
          : undefined;
      const completions = spec.completions;
      const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
      if (failJob) finish(false, 'PodFailurePolicy', failJob.message ?? 'Job failed by its pod failure policy');
      else if (failed > (spec.backoffLimit ?? 6))
        finish(false, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      else if (deadline !== undefined && nowMs >= deadline)
        finish(false, 'DeadlineExceeded', 'Job was active longer than specified deadline');
      else if (complete) finish(true, 'CompletionsReached', 'Reached expected number of succeeded pods');
      else {
        if (deadline !== undefined) ctx.requeueAfter(deadline - nowMs);
        scalePods(ctx, job, spec, { active, failedPods, succeeded, completedIndexes, failed, nowMs });
      }
    }
    const status: Json = {
      conditions: conditions.length > 0 ? conditions : undefined,
      startTime,
      completionTime,
      active: active.length || undefined,
      succeeded: succeeded || undefined,
      failed: failed || undefined,
      completedIndexes: indexed && completedIndexes.length > 0 ? formatIndexes(completedIndexes) : undefined,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: active.filter(isPodReady).length,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(previous))
      ctx.store.update(jobType, { ...unversioned(job), status }, { subresource: 'status' });
  }
}

interface PodCounts {
  active: KubeObject[];
  failedPods: KubeObject[];
  succeeded: number;
  completedIndexes: number[];
  failed: number;
  nowMs: number;
}

/** Creates pods up to the wanted parallelism (after the failure back-off) or deletes the surplus. */
function scalePods(ctx: ControllerContext, job: KubeObject, spec: JobSpec, counts: PodCounts): void {
  const { active, failedPods, succeeded, nowMs } = counts;
  const parallelism = spec.parallelism ?? 1;
  const want =
    spec.completions === undefined
      ? succeeded > 0
        ? active.length
        : parallelism
      : Math.min(parallelism, spec.completions - succeeded);
  if (active.length > want) {
    for (const pod of active.slice(want)) {
      ctx.store.delete(ctx.type('Pod'), pod.metadata.namespace, pod.metadata.name);
      ctx.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    }
    active.splice(want);
    return;
  }
  if (active.length === want) return;
  if (failedPods.length > 0) {
    const readyAt = Math.max(...failedPods.map(finishedAt)) + backoffMs(Math.max(0, failedPods.length - 1));
    if (nowMs < readyAt) {
      ctx.requeueAfter(readyAt - nowMs);
      return;
    }
  }
  const indexed = spec.completionMode === 'Indexed';
  const taken = new Set([...counts.completedIndexes, ...active.map(indexOf)]);
  const free = indexed ? Array.from({ length: spec.completions ?? 0 }, (_, i) => i).filter((i) => !taken.has(i)) : [];
  for (let i = active.length; i < want; i++) {
    const index = indexed ? free.shift() : undefined;
    if (indexed && index === undefined) break;
    const base = index === undefined ? job.metadata.name : `${job.metadata.name}-${index}`;
    const pod = createPodFromTemplate(ctx, job, spec.template, {
      name: `${base}-${ctx.suffix()}`,
      ...(index === undefined
        ? {}
        : {
            labels: { [INDEX]: String(index) },
            annotations: { [INDEX]: String(index) },
            spec: (podSpec: Json) => {
              podSpec.hostname = base;
              for (const c of (podSpec.containers as Json[] | undefined) ?? [])
                c.env = [
                  ...((c.env as Json[] | undefined) ?? []),
                  { name: 'JOB_COMPLETION_INDEX', value: String(index) },
                ];
            },
          }),
      source: SOURCE,
    });
    if (!pod) break;
    active.push(pod);
    ctx.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
  }
}

/** Deletes a finished Job (and its pods) once `ttlSecondsAfterFinished` has passed, or asks to come back then. */
function expire(ctx: ControllerContext, job: KubeObject, at: string | undefined, nowMs: number): void {
  const ttl = (job.spec as JobSpec).ttlSecondsAfterFinished;
  if (ttl === undefined || !at) return;
  const due = Date.parse(at) + ttl * 1000;
  if (nowMs >= due) deleteCascading(ctx, ctx.type('Job'), job.metadata.namespace, job.metadata.name);
  else ctx.requeueAfter(due - nowMs);
}

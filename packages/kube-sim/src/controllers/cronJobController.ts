import { randomUUID } from 'node:crypto';
import { applyDefaults, defaultJobSelector } from '../api/applyDefaults.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { parseSchedule } from './cronSchedule.js';
import { deleteCascading } from './deleteCascading.js';
import { eventOnce } from './eventOnce.js';
import { jobFinished } from './jobConditions.js';
import { controllerRef, isOwnedBy, unversioned } from './ownership.js';

type Json = Record<string, unknown>;
interface CronJobSpec {
  schedule?: string;
  timeZone?: string;
  concurrencyPolicy?: string;
  suspend?: boolean;
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: { metadata?: Json; spec?: Json };
}

const SOURCE = 'cronjob-controller';
const SCHEDULED = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
const MAX_MISSED = 100;
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const NO_ALLOCATION = {
  clusterIp: (): string => {
    throw new Error('a job allocates no cluster IP');
  },
  nodePort: (): number => {
    throw new Error('a job allocates no node port');
  },
};

/** The name of the Job a CronJob starts for a scheduled time: `<cronjob>-<minutes since the epoch>`. */
export function cronJobName(cronJob: string, scheduled: Date): string {
  return `${cronJob}-${Math.floor(scheduled.getTime() / 60_000)}`;
}

/** RFC 1123 with a numeric zone, as the real controller's MissSchedule event prints times. */
function rfc1123z(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

function reference(job: KubeObject): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    uid: job.metadata.uid,
    resourceVersion: job.metadata.resourceVersion,
  };
}

function createJob(ctx: ControllerContext, cj: KubeObject, spec: CronJobSpec, scheduled: Date): KubeObject {
  const type = ctx.type('Job');
  const name = cronJobName(cj.metadata.name, scheduled);
  const existing = ctx.store.find(type, cj.metadata.namespace, name);
  if (existing) return existing;
  const template = structuredClone(spec.jobTemplate ?? {});
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      uid: randomUUID(),
      creationTimestamp: ctx.timestamp(),
      labels: (template.metadata?.labels as Record<string, string> | undefined) ?? undefined,
      annotations: {
        ...(template.metadata?.annotations as Record<string, string> | undefined),
        [SCHEDULED]: iso(scheduled),
      },
      ownerReferences: [controllerRef(cj)],
    },
    spec: template.spec ?? {},
  } as KubeObject;
  applyDefaults(job, NO_ALLOCATION);
  defaultJobSelector(job);
  const created = ctx.store.create(type, job);
  ctx.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`, SOURCE);
  return created;
}

/** Deletes the oldest finished jobs beyond the history limits. */
function trimHistory(ctx: ControllerContext, cj: KubeObject, spec: CronJobSpec, jobs: KubeObject[]): void {
  const finished = jobs
    .map((job) => ({ job, done: jobFinished(job) }))
    .filter((j) => j.done.finished)
    .sort((a, b) => String(a.job.metadata.creationTimestamp).localeCompare(String(b.job.metadata.creationTimestamp)));
  for (const [succeeded, limit] of [
    [true, spec.successfulJobsHistoryLimit ?? 3],
    [false, spec.failedJobsHistoryLimit ?? 1],
  ] as const) {
    const group = finished.filter((j) => j.done.succeeded === succeeded);
    for (const { job } of group.slice(0, Math.max(0, group.length - limit))) {
      deleteCascading(ctx, ctx.type('Job'), job.metadata.namespace, job.metadata.name);
      ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
    }
  }
}

/**
 * Runs CronJobs on the cluster clock as the CronJob controller does: at each time the schedule (in `timeZone`,
 * default UTC) falls due it creates the Job `<name>-<minutes>` from the jobTemplate — unless suspended, too late for
 * `startingDeadlineSeconds` (MissSchedule) or a previous run is active under `concurrencyPolicy: Forbid`; `Replace`
 * deletes the running one first. Finished jobs are noted (SawCompletedJob) and trimmed to the history limits; status
 * keeps `active`, `lastScheduleTime` and `lastSuccessfulTime`.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
export function reconcileCronJobs(ctx: ControllerContext): void {
  const cjType = ctx.type('CronJob');
  const jobType = ctx.type('Job');
  const now = ctx.clock.now();
  const cronJobs = ctx.store.list(cjType).items;
  if (cronJobs.length === 0) return;
  const allJobs = ctx.store.list(jobType).items;
  for (const cj of cronJobs) {
    if (!ctx.begin(cj)) continue;
    if (cj.metadata.deletionTimestamp) continue;
    const spec = cj.spec as CronJobSpec;
    const previous = (cj.status ?? {}) as Json;
    let jobs = allJobs.filter(
      (j) => j.metadata.namespace === cj.metadata.namespace && isOwnedBy(j, cj) && !j.metadata.deletionTimestamp,
    );
    const wasActive = new Set(((previous.active as Json[] | undefined) ?? []).map((r) => r.uid));
    let lastSuccessfulTime = previous.lastSuccessfulTime as string | undefined;
    for (const job of jobs) {
      const done = jobFinished(job);
      if (!done.finished) continue;
      if (wasActive.has(job.metadata.uid))
        ctx.event(
          cj,
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${job.metadata.name}, status: ${done.succeeded ? 'Complete' : 'Failed'}`,
          SOURCE,
        );
      const completed = (job.status as Json | undefined)?.completionTime as string | undefined;
      if (done.succeeded && completed && (!lastSuccessfulTime || completed > lastSuccessfulTime))
        lastSuccessfulTime = completed;
    }
    trimHistory(ctx, cj, spec, jobs);
    jobs = jobs.filter((j) => ctx.store.find(jobType, j.metadata.namespace, j.metadata.name));
    let active = jobs.filter((j) => !jobFinished(j).finished);
    let lastScheduleTime = previous.lastScheduleTime as string | undefined;
    const schedule = parseSchedule(String(spec.schedule ?? ''), spec.timeZone ?? 'UTC');
    if (!schedule.ok) {
      eventOnce(
        ctx,
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: "${spec.schedule}" : ${schedule.error}`,
        SOURCE,
      );
    } else if (spec.suspend !== true) {
      const deadline = spec.startingDeadlineSeconds;
      let since = new Date(Date.parse(lastScheduleTime ?? String(cj.metadata.creationTimestamp)));
      if (deadline !== undefined) since = new Date(Math.max(since.getTime(), now.getTime() - deadline * 1000));
      let due: Date | undefined;
      let missed = 0;
      for (let t = schedule.value.next(since); t <= now; t = schedule.value.next(t)) {
        due = t;
        if (++missed > MAX_MISSED) break;
      }
      if (missed > MAX_MISSED)
        eventOnce(
          ctx,
          cj,
          'Warning',
          'TooManyMissedTimes',
          'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
          SOURCE,
        );
      if (due && deadline !== undefined && due.getTime() + deadline * 1000 < now.getTime()) {
        eventOnce(ctx, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(due)}`, SOURCE);
      } else if (due && spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
        eventOnce(
          ctx,
          cj,
          'Normal',
          'JobAlreadyActive',
          'Not starting job because prior execution is running and concurrency policy is Forbid',
          SOURCE,
        );
      } else if (due) {
        if (spec.concurrencyPolicy === 'Replace') {
          for (const job of active) {
            deleteCascading(ctx, jobType, job.metadata.namespace, job.metadata.name);
            ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
          }
          active = [];
        }
        active.push(createJob(ctx, cj, spec, due));
        lastScheduleTime = iso(due);
      }
      ctx.requeueAfter(Math.max(1, schedule.value.next(now).getTime() - now.getTime()));
    }
    const status: Json = {
      ...(active.length > 0 ? { active: active.map(reference) } : {}),
      ...(lastScheduleTime ? { lastScheduleTime } : {}),
      ...(lastSuccessfulTime ? { lastSuccessfulTime } : {}),
    };
    const comparable = (s: Json) =>
      JSON.stringify({ ...s, active: ((s.active as Json[] | undefined) ?? []).map((r) => r.uid) });
    if (comparable(status) !== comparable(previous))
      ctx.store.update(cjType, { ...unversioned(cj), status }, { subresource: 'status' });
  }
}

import type { CronJobSpec, DeploymentSpec, WorkloadSpec } from './manifestSpecs.js';
import { objectMeta, selectorLabels } from './objectMeta.js';
import { podTemplate } from './podTemplate.js';

/** A manifest object as plain data (apiVersion, kind, metadata, spec …). */
export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string };

/**
 * A Deployment with rolling updates that never drop below the desired replicas (maxUnavailable 0).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
export function deploymentManifest(spec: DeploymentSpec, cpuGiven: boolean): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(spec),
    spec: {
      replicas: spec.replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(spec.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: podTemplate(spec, { cpuGiven, spread: spec.replicas > 1 }),
    },
  };
}

function jobSpec(spec: WorkloadSpec, cpuGiven: boolean): Record<string, unknown> {
  return {
    backoffLimit: 3,
    activeDeadlineSeconds: 3600,
    ttlSecondsAfterFinished: 86400,
    template: podTemplate(spec, { cpuGiven, restartPolicy: 'Never', probes: false }),
  };
}

/**
 * A Job: three retries, an hour's deadline, cleaned up a day after it finishes.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
export function jobManifest(spec: WorkloadSpec, cpuGiven: boolean): Manifest {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: objectMeta(spec), spec: jobSpec(spec, cpuGiven) };
}

/**
 * A CronJob in UTC that never overlaps itself (concurrencyPolicy Forbid) and keeps a short history.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
export function cronJobManifest(spec: CronJobSpec, cpuGiven: boolean): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(spec),
    spec: {
      schedule: spec.schedule,
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { labels: selectorLabels(spec.name) }, spec: jobSpec(spec, cpuGiven) },
    },
  };
}

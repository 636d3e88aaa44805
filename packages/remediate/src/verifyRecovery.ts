import type { Clock, ClusterGateway, KubeObject, ObjectRef } from '@opspilot/core';
import { statusOf } from './cluster/kubeShapes.js';

/** What verification of a fix found, and when the subject was first seen healthy. */
export interface Recovery {
  ok: boolean;
  message: string;
  /** ISO time the subject was first healthy (start of the settle window); missing when it never was. */
  healthy_at?: string;
}

/** How long verification waits for health, how long health must then hold, and how often it looks (clock time). */
export interface RecoveryTiming {
  timeoutMs: number;
  settleMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

/** Default timing: health within 3 minutes, then 60 s without a restart, looked at every 5 s. */
export const DEFAULT_RECOVERY_TIMING: RecoveryTiming = { timeoutMs: 180_000, settleMs: 60_000, pollMs: 5_000 };

type Reading = { healthy: boolean; message: string; restarts?: Map<string, number> };

/**
 * Waits on the clock for the fix's subject to be healthy — a workload rolled out with every pod ready, a Service
 * with ready endpoints, a claim Bound — and then to stay healthy for `settleMs` with no container restarting. Fails
 * as soon as a pod restarts in the settle window; never reports a recovery it did not see.
 */
export async function verifyRecovery(
  gateway: ClusterGateway,
  clock: Clock,
  subject: ObjectRef,
  timing: RecoveryTiming = DEFAULT_RECOVERY_TIMING,
): Promise<Recovery> {
  const deadline = clock.now().getTime() + timing.timeoutMs;
  let healthySince: Date | undefined;
  let baseline: Map<string, number> | undefined;
  let last: Reading = { healthy: false, message: 'not checked yet' };
  for (;;) {
    last = await readHealth(gateway, subject);
    if (last.healthy) {
      healthySince ??= clock.now();
      baseline ??= last.restarts;
      const restarted = [...(last.restarts ?? [])].filter(([pod, n]) => baseline?.has(pod) && n > baseline.get(pod)!);
      if (restarted.length > 0) {
        return {
          ok: false,
          message: `pod ${restarted[0]![0]} restarted after the fix (${restarted[0]![1]} restarts)`,
          healthy_at: healthySince.toISOString(),
        };
      }
      if (clock.now().getTime() - healthySince.getTime() >= timing.settleMs) {
        return {
          ok: true,
          message: `${last.message}; no restarts for ${Math.round(timing.settleMs / 1000)}s`,
          healthy_at: healthySince.toISOString(),
        };
      }
    } else if (healthySince) {
      return { ok: false, message: `healthy, then not: ${last.message}`, healthy_at: healthySince.toISOString() };
    }
    if (clock.now().getTime() >= deadline && !healthySince) {
      return { ok: false, message: `not healthy within ${Math.round(timing.timeoutMs / 1000)}s: ${last.message}` };
    }
    await clock.sleep(timing.pollMs, timing.signal);
  }
}

async function readHealth(gateway: ClusterGateway, subject: ObjectRef): Promise<Reading> {
  switch (subject.kind) {
    case 'Service': {
      const endpoints = await gateway.get({ kind: 'Endpoints', name: subject.name, namespace: subject.namespace });
      const subsets = ((endpoints as { subsets?: { addresses?: unknown[] }[] } | undefined)?.subsets ?? []) as {
        addresses?: unknown[];
      }[];
      const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
      return { healthy: ready > 0, message: `${ready} ready endpoint(s) behind service ${subject.name}` };
    }
    case 'PersistentVolumeClaim': {
      const claim = await gateway.get(subject);
      const phase = claim ? statusOf<{ phase?: string }>(claim).phase : 'gone';
      return { healthy: phase === 'Bound', message: `claim ${subject.name} is ${phase ?? 'Pending'}` };
    }
    default:
      return workloadHealth(gateway, subject);
  }
}

async function workloadHealth(gateway: ClusterGateway, subject: ObjectRef): Promise<Reading> {
  const status = await gateway.rolloutStatus(subject);
  if (!status.done) return { healthy: false, message: status.message };
  const workload = await gateway.get(subject);
  const pods = await podsOf(gateway, workload);
  const unready = pods.filter((p) => !isReady(p));
  const restarts = new Map(pods.map((p) => [p.metadata.name, restartsOf(p)]));
  if (unready.length > 0) {
    return {
      healthy: false,
      message: `${unready.length} of ${pods.length} pod(s) not ready (${unready[0]!.metadata.name})`,
      restarts,
    };
  }
  return { healthy: true, message: `${pods.length} pod(s) ready; ${status.message}`, restarts };
}

async function podsOf(gateway: ClusterGateway, workload: KubeObject | undefined): Promise<KubeObject[]> {
  const labels = (workload?.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector
    ?.matchLabels;
  if (!workload || !labels) return [];
  const selector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await gateway.list('Pod', { namespace: workload.metadata.namespace, labelSelector: selector });
  return pods.filter((p) => !p.metadata.deletionTimestamp);
}

function isReady(pod: KubeObject): boolean {
  const conditions = statusOf<{ conditions?: { type: string; status: string }[] }>(pod).conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function restartsOf(pod: KubeObject): number {
  const statuses = statusOf<{ containerStatuses?: { restartCount?: number }[] }>(pod).containerStatuses ?? [];
  return statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
}

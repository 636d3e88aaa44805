import { type KubeObject, refOf } from '@opspilot/core';
import type { ChartReleaseDeps } from './chartReleaseDeps.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The rollout status of every workload a release holds: a line per workload and those not ready. */
export async function verifyWorkloads(
  deps: Pick<ChartReleaseDeps, 'gateway'>,
  objects: KubeObject[],
): Promise<{ lines: string[]; notReady: string[] }> {
  const lines: string[] = [];
  const notReady: string[] = [];
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind))) {
    const name = `${o.kind}/${o.metadata?.name}`;
    const status = await deps.gateway.rolloutStatus(refOf(o));
    const line = `${name}: ${status.availableReplicas}/${status.desiredReplicas} available — ${status.message}`;
    lines.push(line);
    if (!status.done) notReady.push(`${name} is not ready: ${status.message}`);
  }
  return { lines, notReady };
}

interface PodLike {
  metadata?: { name?: string };
  status?: { containerStatuses?: { name: string; state?: { waiting?: { reason?: string; message?: string } } }[] };
}

/**
 * Why the workloads of a release are not ready, from the cluster: containers waiting (ImagePullBackOff,
 * CrashLoopBackOff, ...) and the namespace's Warning events about them, most recent last, deduplicated.
 */
export async function whyNotReady(
  deps: Pick<ChartReleaseDeps, 'gateway'>,
  namespace: string,
  objects: KubeObject[],
): Promise<string[]> {
  const names = objects.filter((o) => WORKLOADS.has(o.kind)).map((o) => o.metadata?.name ?? '');
  const ours = (name: string | undefined) => !!name && names.some((n) => name === n || name.startsWith(`${n}-`));
  const reasons = new Set<string>();
  try {
    for (const pod of (await deps.gateway.list('Pod', { namespace })) as PodLike[]) {
      if (!ours(pod.metadata?.name)) continue;
      for (const c of pod.status?.containerStatuses ?? []) {
        const w = c.state?.waiting;
        if (w?.reason)
          reasons.add(
            `pod ${pod.metadata?.name} container ${c.name}: ${w.reason}${w.message ? ` — ${w.message}` : ''}`,
          );
      }
    }
    const events = (await deps.gateway.events({ namespace })) as (KubeObject & {
      type?: string;
      reason?: string;
      message?: string;
      involvedObject?: { kind?: string; name?: string };
    })[];
    for (const e of events) {
      if (e.type !== 'Warning' || !ours(e.involvedObject?.name)) continue;
      reasons.add(`${e.involvedObject?.kind}/${e.involvedObject?.name}: ${e.reason} — ${e.message}`);
    }
  } catch (error) {
    reasons.add(`the cluster could not be read for reasons: ${error instanceof Error ? error.message : String(error)}`);
  }
  return [...reasons].slice(-8);
}

/**
 * Collects {@link whyNotReady} every `everyMs` of the cluster's clock until `done` settles: helm removes a failed
 * first install (and rolls back a failed upgrade), so the pods that said why are gone by the time it answers.
 */
export async function observeWhileWaiting(
  deps: Pick<ChartReleaseDeps, 'gateway' | 'clock'>,
  namespace: string,
  objects: KubeObject[],
  done: Promise<unknown>,
  everyMs = 2000,
): Promise<string[]> {
  const seen = new Set<string>();
  let finished = false;
  const stop = new AbortController();
  void done.finally(() => {
    finished = true;
    stop.abort();
  });
  while (!finished) {
    for (const reason of await whyNotReady(deps, namespace, objects)) seen.add(reason.replace(/^pod \S+ /, 'pod '));
    await deps.clock.sleep(everyMs, stop.signal).catch(() => undefined);
  }
  return [...seen];
}

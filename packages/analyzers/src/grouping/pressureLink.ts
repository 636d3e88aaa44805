import type { Finding, KubeObject } from '@opspilot/core';
import { eventFields, type SnapshotIndex } from '../snapshotIndex.js';

/** Words by which a pod, its events or a finding say that node pressure touched it. */
const PRESSURE = /\bevict(ed|ion)?\b|\bpressure\b|low on resource|\bpreempt(ed|ion)?\b/i;

/** The node-pressure analyzer: its findings adopt pod findings only through {@link pressureLinks}. */
export const NODE_PRESSURE = 'node-pressure';

function podShowsPressure(index: SnapshotIndex, pod: KubeObject): boolean {
  const status = (pod.status ?? {}) as {
    reason?: string;
    message?: string;
    conditions?: { reason?: string; message?: string }[];
  };
  if (status.reason === 'Evicted' || PRESSURE.test(status.message ?? '')) return true;
  if ((status.conditions ?? []).some((c) => c.reason === 'DisruptionTarget' || PRESSURE.test(c.message ?? '')))
    return true;
  return index.eventsFor(pod).some((e) => {
    const f = eventFields(e);
    return f.reason === 'Evicted' || f.reason === 'Preempted' || PRESSURE.test(f.message ?? f.note ?? '');
  });
}

function findingShowsPressure(f: Finding): boolean {
  return f.analyzer === 'pod-evicted' || PRESSURE.test(f.message) || f.evidence.some((e) => PRESSURE.test(e.detail));
}

/**
 * Whether a node-pressure finding may be the cause of finding `f`, reached through `via` (the pods on that node on the
 * way from `f`): only when one of those pods — or the finding itself — shows eviction or pressure (an `Evicted` status, an
 * `Evicted`/`Preempted` event, a message naming pressure). A pod crash-looping on a node that happens to be under
 * disk pressure is a problem of its own, not a symptom of the node.
 */
export function pressureLinks(index: SnapshotIndex, f: Finding, via: readonly (KubeObject | undefined)[]): boolean {
  if (findingShowsPressure(f)) return true;
  return via.some((pod) => pod?.kind === 'Pod' && podShowsPressure(index, pod));
}

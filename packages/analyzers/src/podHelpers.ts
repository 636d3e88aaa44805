import type { Evidence, KubeObject } from '@opspilot/core';
import { eventEvidence, fieldEvidence } from './findingOf.js';
import type { ContainerStatus, PodStatus } from './kubeTypes.js';
import { statusOf } from './kubeTypes.js';
import { eventFields, type SnapshotIndex } from './snapshotIndex.js';

/** `namespace/name` of an object, as messages print it. */
export function nameOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}

/** Status of every regular container of a pod, with its index for evidence paths. */
export function containerStatusesOf(pod: KubeObject, init = false): { status: ContainerStatus; path: string }[] {
  const s = statusOf<PodStatus>(pod);
  const list = (init ? s.initContainerStatuses : s.containerStatuses) ?? [];
  const field = init ? 'initContainerStatuses' : 'containerStatuses';
  return list.map((status, i) => ({ status, path: `status.${field}[${i}]` }));
}

/** Events about a pod whose reason is one of `reasons` (and whose message matches `pattern`, when given). */
export function podEvents(index: SnapshotIndex, pod: KubeObject, reasons: string[], pattern?: RegExp): KubeObject[] {
  return index.eventsFor(pod).filter((e) => {
    const f = eventFields(e);
    return reasons.includes(f.reason ?? '') && (!pattern || pattern.test(f.message ?? f.note ?? ''));
  });
}

/** Whether an event names the container (its `involvedObject.fieldPath` is `spec.containers{name}`), or none. */
export function aboutContainer(event: KubeObject, container: string): boolean {
  const fieldPath = (eventFields(event).involvedObject as { fieldPath?: string } | undefined)?.fieldPath;
  return !fieldPath || fieldPath.endsWith(`{${container}}`);
}

/** The newest `n` events as evidence. */
export function latestEvents(events: KubeObject[], n = 2): Evidence[] {
  return events.slice(-n).map(eventEvidence);
}

const LIVENESS = /liveness probe/i;

/**
 * Whether a container's restarts come from a failing liveness probe (the kubelet kills it) rather than from the
 * process exiting: `Unhealthy`/`Killing` events about liveness that name the container, or a termination message
 * saying so.
 */
export function killedByLiveness(index: SnapshotIndex, pod: KubeObject, status: ContainerStatus): boolean {
  const last = status.lastState?.terminated ?? status.state?.terminated;
  if (last?.reason === 'OOMKilled') return false;
  if (LIVENESS.test(last?.message ?? '')) return true;
  return podEvents(index, pod, ['Unhealthy', 'Killing'], LIVENESS).some((e) => aboutContainer(e, status.name));
}

/** Evidence for a container's current and last state. */
export function stateEvidence(pod: KubeObject, status: ContainerStatus, path: string): Evidence[] {
  const evidence = [fieldEvidence(pod, `${path}.state`, status.state ?? {})];
  if (status.lastState && Object.keys(status.lastState).length > 0) {
    evidence.push(fieldEvidence(pod, `${path}.lastState`, status.lastState));
  }
  return evidence;
}

/** Milliseconds between an ISO time and now; Infinity when the time is unknown. */
export function ageMs(time: string | undefined, now: Date): number {
  const t = time ? Date.parse(time) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : now.getTime() - t;
}

import type { KubeObject, ObjectRef } from '@opspilot/core';
import { kubectlAge } from '../kubectlAge.js';

interface EventParts {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string; namespace?: string; apiVersion?: string };
}

/** When an Event was last seen: its series, last timestamp, event time or creation, as kubectl reads them. */
export function eventLastSeen(event: KubeObject): string | undefined {
  const e = event as unknown as EventParts;
  return (
    e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? event.metadata.creationTimestamp
  );
}

/** The object an Event is about, or undefined when it names none. */
export function eventSubject(event: KubeObject): ObjectRef | undefined {
  const o = (event as unknown as EventParts).involvedObject;
  if (!o?.kind || !o.name) return undefined;
  return { kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) };
}

/** The columns of {@link eventRow}. */
export const EVENT_COLUMNS = ['NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE', 'COUNT', 'LAST SEEN'];

/**
 * One Event as the browser lists it: type, reason, the object (`pod/backend-1`, as kubectl names it), message, how
 * many times it happened and how long ago it was last seen.
 */
export function eventRow(event: KubeObject, now: Date): string[] {
  const e = event as unknown as EventParts;
  const subject = eventSubject(event);
  return [
    event.metadata.namespace ?? '',
    e.type ?? 'Normal',
    e.reason ?? '',
    subject ? `${subject.kind.toLowerCase()}/${subject.name}` : '',
    e.message ?? '',
    String(e.series?.count ?? e.count ?? 1),
    kubectlAge(eventLastSeen(event), now),
  ];
}

/** Events newest first (by when they were last seen). */
export function newestEventsFirst(events: KubeObject[]): KubeObject[] {
  return [...events].sort((a, b) => (eventLastSeen(b) ?? '').localeCompare(eventLastSeen(a) ?? ''));
}

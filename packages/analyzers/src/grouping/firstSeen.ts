import type { ObjectRef } from '@opspilot/core';
import { eventFields, type SnapshotIndex } from '../snapshotIndex.js';

function time(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * When a cause was first seen, from the cluster alone (so a one-shot `opspilot analyze` gives the same answer run
 * after run): the earliest Warning event about one of the affected objects, else the earliest creation of one of
 * them, else `fallback` (the snapshot time).
 */
export function firstSeenOf(index: SnapshotIndex, refs: readonly ObjectRef[], fallback: string): string {
  let earliestEvent: number | undefined;
  let earliestCreated: number | undefined;
  for (const ref of refs) {
    const obj = index.get(ref.kind, ref.namespace, ref.name);
    if (!obj) continue;
    const created = time(obj.metadata.creationTimestamp);
    if (created !== undefined && (earliestCreated === undefined || created < earliestCreated))
      earliestCreated = created;
    for (const event of index.eventsFor(obj)) {
      const e = eventFields(event);
      if (e.type !== 'Warning') continue;
      const t =
        time(e.firstTimestamp) ?? time(e.eventTime) ?? time(e.lastTimestamp) ?? time(e.series?.lastObservedTime);
      if (t !== undefined && (earliestEvent === undefined || t < earliestEvent)) earliestEvent = t;
    }
  }
  const t = earliestEvent ?? earliestCreated;
  return t === undefined ? fallback : new Date(t).toISOString();
}

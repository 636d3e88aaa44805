import type { KubeObject, ObjectRef } from '@opspilot/core';
import { kubectlTable } from '../kubectlTable.js';
import { BROWSER_COLUMNS } from './browserColumns.js';
import { EVENT_COLUMNS, eventRow, eventSubject, newestEventsFirst } from './eventRows.js';

/** A table of the cluster browser: column names, rows of cells, and per row the object it opens. */
export interface BrowserTable {
  columns: string[];
  rows: string[][];
  /** What a click on the row opens: the object itself, or for an Event the object it is about. */
  refs: ObjectRef[];
}

function refOf(kind: string, o: KubeObject): ObjectRef {
  return { kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}

/**
 * The rows the cluster browser shows for `objects` of `kind`, NAMESPACE and NAME first. Pods and Deployments are
 * exactly `kubectl get -A -o wide` ({@link kubectlTable}); Events are newest first with type, reason, object,
 * message, count and last seen; other kinds follow kubectl's columns where known, else `AGE`.
 */
export function browserTable(kind: string, objects: KubeObject[], now: Date): BrowserTable {
  if (kind === 'Event') {
    const events = newestEventsFirst(objects);
    return {
      columns: EVENT_COLUMNS,
      rows: events.map((e) => eventRow(e, now)),
      refs: events.map((e) => eventSubject(e) ?? refOf(kind, e)),
    };
  }
  const sorted = [...objects].sort(
    (a, b) =>
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  const refs = sorted.map((o) => refOf(kind, o));
  const columns = BROWSER_COLUMNS[kind];
  if (!columns) {
    const [head, ...rows] = kubectlTable(kind, sorted, { now, wide: true, namespaces: true });
    return { columns: head ?? [], rows, refs };
  }
  return {
    columns: ['NAMESPACE', 'NAME', ...columns.head],
    rows: sorted.map((o) => [o.metadata.namespace ?? '', o.metadata.name, ...columns.cells(o, now)]),
    refs,
  };
}

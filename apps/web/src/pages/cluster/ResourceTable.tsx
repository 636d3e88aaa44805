import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import type { BrowserRef } from './askLinks.js';
import type { BrowserFilter } from './BrowserFilters.js';
import { type SortOrder, visibleRows } from './tableRows.js';

/** What every tab of the cluster page is given: the cluster, the page's filter, and how to open an object. */
export interface TabProps {
  clusterId: string;
  filter: BrowserFilter;
  onOpen: (ref: BrowserRef) => void;
}

/**
 * The live objects of one kind as a table with kubectl's columns (from `fleet.list`, refreshed when the cluster's
 * objects change), filtered by the page's namespace and text, sortable by any column (click its header), and each
 * row opening the object's detail drawer.
 */
export function ResourceTable({ clusterId, filter, onOpen, kind, title }: TabProps & { kind: string; title: string }) {
  const trpc = useTRPC();
  const [order, setOrder] = useState<SortOrder | undefined>();
  const list = useQuery(trpc.fleet.list.queryOptions({ cluster: clusterId, kind }));
  const table = list.data?.table;
  const rows = table ? visibleRows(table, filter, order) : [];
  const sortBy = (column: string) =>
    setOrder((current) =>
      current?.column === column ? { column, descending: !current.descending } : { column, descending: false },
    );
  return (
    <section aria-label={title} className="mb-6">
      <h3 className="mb-2 font-semibold">
        {title}{' '}
        <span className="text-sm font-normal text-slate-600 dark:text-slate-300">
          {table ? `${rows.length} of ${list.data?.total ?? 0}${list.data?.truncated ? ' (list cut)' : ''}` : ''}
        </span>
      </h3>
      <ErrorNotice error={list.error} />
      {list.isPending ? <p className="text-sm">Loading {title.toLowerCase()}…</p> : null}
      {table && rows.length === 0 ? <p className="text-sm">None.</p> : null}
      {table && rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left font-mono text-xs" aria-label={title}>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th
                    key={column}
                    scope="col"
                    className="px-2 py-1"
                    aria-sort={order?.column === column ? (order.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button type="button" className="font-semibold hover:underline" onClick={() => sortBy(column)}>
                      {column}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ cells, ref }) => (
                <tr
                  key={cells.join('|')}
                  className="cursor-pointer border-t border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
                  onClick={() => onOpen(ref)}
                >
                  {cells.map((cell, c) => (
                    <td key={table.columns[c]} className="px-2 py-1">
                      {c === table.columns.indexOf('NAME') || (kind === 'Event' && table.columns[c] === 'OBJECT') ? (
                        <button
                          type="button"
                          className="text-left underline-offset-2 hover:underline"
                          onClick={(event) => {
                            event.stopPropagation();
                            onOpen(ref);
                          }}
                        >
                          {cell}
                        </button>
                      ) : (
                        cell
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

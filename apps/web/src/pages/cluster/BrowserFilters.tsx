import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../../api/trpc.js';

/** The cluster page's filter, shared by every tab. */
export interface BrowserFilter {
  /** One namespace, or empty for all. */
  namespace: string;
  /** Text any cell must contain (case-insensitive). */
  text: string;
}

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-900';

/** The namespace picker (the cluster's live namespaces) and the text filter above the tabs. */
export function BrowserFilters({
  clusterId,
  value,
  onChange,
}: {
  clusterId: string;
  value: BrowserFilter;
  onChange: (next: BrowserFilter) => void;
}) {
  const trpc = useTRPC();
  const namespaceId = useId();
  const textId = useId();
  const namespaces = useQuery(trpc.fleet.list.queryOptions({ cluster: clusterId, kind: 'namespaces' }));
  return (
    <search className="mb-4 flex flex-wrap items-end gap-3">
      <label htmlFor={namespaceId} className="flex flex-col gap-1 text-sm font-medium">
        Namespace
        <select
          id={namespaceId}
          aria-label="Namespace"
          className={field}
          value={value.namespace}
          onChange={(event) => onChange({ ...value, namespace: event.target.value })}
        >
          <option value="">All namespaces</option>
          {namespaces.data?.table.refs.map((ref) => (
            <option key={ref.name} value={ref.name}>
              {ref.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={textId} className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium">
        Filter
        <input
          id={textId}
          aria-label="Filter"
          type="search"
          className={field}
          placeholder="name, status, node…"
          value={value.text}
          onChange={(event) => onChange({ ...value, text: event.target.value })}
        />
      </label>
    </search>
  );
}

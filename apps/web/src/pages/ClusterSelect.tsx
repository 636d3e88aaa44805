import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useTRPC } from '../api/trpc.js';

/** A labelled drop-down of the clusters the user may see; picks the first one when nothing is chosen yet. */
export function ClusterSelect({ value, onChange }: { value: string; onChange: (clusterId: string) => void }) {
  const trpc = useTRPC();
  const id = useId();
  const clusters = useQuery(trpc.clusters.list.queryOptions({ page: 1, page_size: 100 }));
  const first = clusters.data?.items[0]?.id;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm font-medium">
      Cluster
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
      >
        {clusters.data?.items.map((cluster) => (
          <option key={cluster.id} value={cluster.id}>
            {cluster.display_name ?? cluster.name}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../../api/trpc.js';

/**
 * The clusters of a new conversation: the persona's default (empty value: its default cluster or every cluster the
 * user may see, decided by the server) or one cluster chosen.
 */
export function ChatClusterSelect({
  value,
  onChange,
  className,
}: {
  value: string;
  onChange: (clusterId: string) => void;
  className: string;
}) {
  const trpc = useTRPC();
  const id = useId();
  const clusters = useQuery(trpc.clusters.list.queryOptions({ page: 1, page_size: 100 }));
  return (
    <div className="flex flex-col gap-1 text-sm font-medium">
      {/* The label holds only its text, so the options' words (“Persona’s default”) are not part of its name. */}
      <label htmlFor={id}>Cluster</label>
      <select id={id} className={className} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Persona’s default</option>
        {clusters.data?.items.map((cluster) => (
          <option key={cluster.id} value={cluster.id}>
            {cluster.display_name ?? cluster.name}
          </option>
        ))}
      </select>
    </div>
  );
}

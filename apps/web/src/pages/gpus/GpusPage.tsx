import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { GpuNodeCard } from './GpuNodeCard.js';
import { GpuNodeCharts } from './GpuNodeCharts.js';

const STATUS_TONE = { SUCCESS: 'good', PARTIAL: 'warn', TIMEOUT: 'warn', ERROR: 'bad' } as const;

/**
 * The GPU fleet (seed 003 §4): per cluster, its GPU nodes with a card per GPU (utilisation, memory, temperature,
 * power, XID errors, holding pod) and, for the node chosen, uPlot charts of the last 30 minutes. Each cluster's
 * status is shown; GPU_UPDATE events keep the cards current, and the list is read again every 15 s.
 */
export function GpusPage() {
  const trpc = useTRPC();
  // GPU_UPDATE events refresh the clusters being watched; the interval also finds clusters registered since.
  const gpus = useQuery({ ...trpc.gpus.list.queryOptions({ timeout: 10 }), refetchInterval: 15_000 });
  const [chosen, setChosen] = useState<{ clusterId: string; node: string } | undefined>();
  const watch = useMutation(trpc.gpus.watch.mutationOptions());
  const { mutate } = watch;
  const withGpus = (gpus.data?.clusters ?? []).filter((c) => c.nodes.length > 0);
  const watchedIds = withGpus.map((c) => c.cluster_id).join(',');
  useEffect(() => {
    for (const id of watchedIds ? watchedIds.split(',') : []) mutate({ cluster_id: id });
  }, [watchedIds, mutate]);
  const first = withGpus[0];
  const selected =
    chosen ?? (first?.nodes[0] ? { clusterId: first.cluster_id, node: first.nodes[0].node_name } : undefined);
  return (
    <>
      <PageHeading title="GPUs">
        GPU nodes across clusters, from each cluster's nodes and dcgm-exporter: utilisation, memory, temperature, power,
        XID errors and the pods holding each GPU.
      </PageHeading>
      <ErrorNotice error={gpus.error} />
      {gpus.isPending ? <p className="text-sm">Loading…</p> : null}
      <div className="space-y-6">
        {gpus.data && withGpus.length === 0 ? (
          <p className="text-sm">
            No cluster has GPU nodes (nodes with allocatable nvidia.com/gpu). To try the page, run{' '}
            <code className="font-mono">opspilot sim serve --scenario gpu</code> and register that cluster.
          </p>
        ) : null}
        {withGpus.map((c) => (
          <Panel
            key={c.cluster_id}
            title={c.cluster_name}
            actions={
              <span className="flex items-center gap-2 text-sm">
                <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
                <span>{c.metrics_source === 'PROMETHEUS' ? 'from Prometheus' : 'from the built-in sampler'}</span>
              </span>
            }
          >
            {c.error ? (
              <p role="status" className="mb-2 text-sm text-amber-700 dark:text-amber-300">
                {c.error}
              </p>
            ) : null}
            <div className="space-y-3">
              {c.nodes.map((n) => (
                <GpuNodeCard
                  key={n.node_name}
                  node={n}
                  selected={selected?.clusterId === c.cluster_id && selected.node === n.node_name}
                  onCharts={() => setChosen({ clusterId: c.cluster_id, node: n.node_name })}
                />
              ))}
            </div>
          </Panel>
        ))}
        {(gpus.data?.clusters ?? [])
          .filter((c) => c.nodes.length === 0 && c.status !== 'SUCCESS')
          .map((c) => (
            <p key={c.cluster_id} role="status" className="text-sm text-amber-700 dark:text-amber-300">
              {c.cluster_name} {c.status}: {c.error}
            </p>
          ))}
        {selected ? (
          <Panel title={`Charts of ${selected.node}`}>
            <GpuNodeCharts clusterId={selected.clusterId} node={selected.node} />
          </Panel>
        ) : null}
      </div>
    </>
  );
}

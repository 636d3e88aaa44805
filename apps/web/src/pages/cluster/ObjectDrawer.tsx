import { useQuery } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { askPath, type BrowserRef, objectRequest } from './askLinks.js';
import { FindingItem } from './FindingItem.js';
import { CHARTED_KINDS, WorkloadCharts } from './WorkloadCharts.js';

/**
 * The detail drawer of one object (`fleet.get`, kept current like the tables): for a workload its charts (CPU, memory,
 * restarts, request and error rates), the findings about it, its events,
 * the objects related to it (each opens in the drawer), its YAML (Secret values masked by the server), and "Ask"
 * to go to the Ask page prefilled with the usual action on it.
 */
export function ObjectDrawer({
  clusterId,
  target,
  onOpen,
  onClose,
}: {
  clusterId: string;
  target: BrowserRef | undefined;
  onOpen: (ref: BrowserRef) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.fleet.get.queryOptions({
      cluster: clusterId,
      kind: target?.kind ?? 'Pod',
      name: target?.name ?? '-',
      ...(target?.namespace ? { namespace: target.namespace } : {}),
    }),
    enabled: target !== undefined,
  });
  const title = target ? `${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${target.name}` : '';
  const data = detail.data;
  return (
    <Dialog.Root open={target !== undefined} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed inset-y-0 right-0 w-full max-w-2xl overflow-y-auto bg-white p-5 shadow-xl dark:bg-slate-900">
          <div className="mb-3 flex items-start justify-between gap-2">
            <Dialog.Title className="break-all text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Close className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600">
              Close
            </Dialog.Close>
          </div>
          <Dialog.Description className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            Live from the cluster's watcher.
          </Dialog.Description>
          {target ? (
            <Link
              to={askPath(clusterId, objectRequest(target))}
              className="mb-4 inline-flex rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
            >
              Ask
            </Link>
          ) : null}
          <ErrorNotice error={detail.error} />
          {detail.isPending ? <p className="text-sm">Loading…</p> : null}
          {data ? (
            <div className="space-y-5">
              {target && CHARTED_KINDS.has(target.kind) ? (
                <section aria-label="Metrics of it">
                  <h3 className="mb-1 font-semibold">Metrics</h3>
                  <WorkloadCharts clusterId={clusterId} name={target.name} namespace={target.namespace} />
                </section>
              ) : null}
              <section aria-label="Findings on it">
                <h3 className="mb-1 font-semibold">Findings</h3>
                {data.findings.length === 0 ? <p className="text-sm">None.</p> : null}
                <ul className="space-y-2">
                  {data.findings.map((f) => (
                    <FindingItem key={f.id} clusterId={clusterId} finding={f} />
                  ))}
                </ul>
              </section>
              <section aria-label="Events of it">
                <h3 className="mb-1 font-semibold">Events</h3>
                {data.events.rows.length === 0 ? <p className="text-sm">None.</p> : null}
                <ul className="space-y-1 text-xs">
                  {data.events.rows.map((row) => (
                    <li key={row.join('|')}>
                      <span className="font-semibold">{row[1]}</span> {row[2]}: {row[4]} (×{row[5]}, {row[6]} ago)
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-label="Related objects">
                <h3 className="mb-1 font-semibold">Related</h3>
                {data.related.length === 0 ? <p className="text-sm">None.</p> : null}
                <ul className="space-y-1 text-sm">
                  {data.related.map((r) => (
                    <li key={`${r.relation}/${r.ref.kind}/${r.ref.name}`}>
                      <span className="text-slate-600 dark:text-slate-300">{r.relation}</span>{' '}
                      <button
                        type="button"
                        className="font-mono text-xs underline-offset-2 hover:underline"
                        onClick={() => onOpen(r.ref)}
                      >
                        {r.ref.kind}/{r.ref.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-label="YAML">
                <h3 className="mb-1 font-semibold">YAML</h3>
                <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
                  {data.yaml}
                </pre>
              </section>
            </div>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

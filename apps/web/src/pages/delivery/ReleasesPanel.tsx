import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

/**
 * The chart releases opspilot made in a cluster (and namespace): helm's status, the operation that last changed
 * each, its revision history, and a rollback to an earlier revision — an audited operation of the review flow
 * (approvers only).
 */
export function ReleasesPanel({ clusterId, namespace }: { clusterId: string; namespace?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<{ release: string; namespace: string } | undefined>();
  const releases = useQuery({
    ...trpc.delivery.releases.queryOptions({ cluster_id: clusterId, ...(namespace ? { namespace } : {}) }),
    enabled: clusterId !== '',
  });
  const history = useQuery({
    ...trpc.delivery.history.queryOptions({
      cluster_id: clusterId,
      namespace: open?.namespace ?? 'default',
      release: open?.release ?? 'none',
    }),
    enabled: open !== undefined,
  });
  const rollback = useMutation(
    trpc.delivery.rollbackChart.mutationOptions({
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.delivery.releases.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.delivery.history.queryKey() });
      },
    }),
  );
  const rows = releases.data ?? [];
  return (
    <Panel title="Chart releases">
      <ErrorNotice error={releases.error ?? history.error ?? rollback.error} />
      {rows.length === 0 && !releases.isLoading ? (
        <p className="text-sm text-slate-500">
          No chart was released here through opspilot. Release one with `opspilot review apply` or the API.
        </p>
      ) : (
        <table aria-label="Chart releases" className="w-full text-left text-sm">
          <thead>
            <tr>
              <th>Release</th>
              <th>Namespace</th>
              <th>Chart</th>
              <th>Status</th>
              <th>Revision</th>
              <th>Last operation</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.namespace}/${r.release}`} className="border-t border-slate-200 dark:border-slate-700">
                <td>{r.release}</td>
                <td>{r.namespace}</td>
                <td>{r.chart}</td>
                <td>{r.status}</td>
                <td>{r.revision ?? '-'}</td>
                <td>
                  {r.last_operation.action} {r.last_operation.state} by {r.last_operation.proposed_by}
                </td>
                <td>
                  <button
                    type="button"
                    className="text-blue-700 underline dark:text-blue-300"
                    onClick={() => setOpen({ release: r.release, namespace: r.namespace })}
                  >
                    History of {r.release}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && history.data ? (
        <table aria-label={`History of ${open.release}`} className="mt-4 w-full text-left text-sm">
          <thead>
            <tr>
              <th>Revision</th>
              <th>Status</th>
              <th>Chart</th>
              <th>Updated</th>
              <th>Description</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {history.data.map((h, i) => (
              <tr key={h.revision} className="border-t border-slate-200 dark:border-slate-700">
                <td>{h.revision}</td>
                <td>{h.status}</td>
                <td>{h.chart}</td>
                <td>{h.updated.slice(0, 19).replace('T', ' ')}</td>
                <td>{h.description}</td>
                <td>
                  {i < history.data.length - 1 ? (
                    <button
                      type="button"
                      className="rounded border border-amber-600 px-2 py-0.5 text-xs"
                      disabled={rollback.isPending}
                      onClick={() =>
                        rollback.mutate({
                          cluster_id: clusterId,
                          namespace: open.namespace,
                          release: open.release,
                          revision: h.revision,
                        })
                      }
                    >
                      Roll back to {h.revision}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rollback.data ? (
        <p role="status" className="mt-2 text-sm">
          Rollback operation {rollback.data.id}: {rollback.data.state}
          {rollback.data.result ? ` — ${rollback.data.result}` : ''}
        </p>
      ) : null}
    </Panel>
  );
}

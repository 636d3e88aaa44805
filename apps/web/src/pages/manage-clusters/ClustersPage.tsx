import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';
import { ClusterForm } from './ClusterForm.js';
import { emptyForm, formOf } from './clusterFormInput.js';

/**
 * Cluster management: every registered cluster with its state, and forms to add one (service-account token or
 * kubeconfig, tested before saving), edit its name, labels, environment, endpoints or credentials, and remove it
 * (which stops its watcher). Changes need the administrator role; the server says so otherwise.
 */
export function ClustersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The state a watcher stores changes on its own, so the list is polled as well as refreshed on events.
  const clusters = useQuery({ ...trpc.clusters.list.queryOptions({ page_size: 100 }), refetchInterval: 3_000 });
  const [editing, setEditing] = useState<string | 'new' | undefined>();
  const [removing, setRemoving] = useState<string | undefined>();
  const refresh = () => queryClient.invalidateQueries();
  const remove = useMutation(
    trpc.clusters.remove.mutationOptions({
      onSuccess: () => {
        setRemoving(undefined);
        void refresh();
      },
    }),
  );
  const done = () => {
    setEditing(undefined);
    void refresh();
  };
  const edited = clusters.data?.items.find((c) => c.id === editing);
  return (
    <>
      <PageHeading title="Clusters">Register, edit and remove the clusters opspilot watches.</PageHeading>
      <div className="space-y-6">
        <Panel
          title="Registered clusters"
          actions={
            <Button onClick={() => setEditing('new')} disabled={editing === 'new'}>
              Add cluster
            </Button>
          }
        >
          <ErrorNotice error={clusters.error ?? remove.error} />
          {clusters.isPending ? <p>Loading clusters…</p> : null}
          {clusters.data?.items.length === 0 ? <p>No clusters are registered yet.</p> : null}
          {clusters.data && clusters.data.items.length > 0 ? (
            <table aria-label="Registered clusters" className="w-full text-left text-sm">
              <thead>
                <tr>
                  <th className="py-1">NAME</th>
                  <th>DISPLAY NAME</th>
                  <th>STATE</th>
                  <th>ENVIRONMENT</th>
                  <th>API SERVER</th>
                  <th>LABELS</th>
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {clusters.data.items.map((c) => (
                  <tr key={c.id} aria-label={c.name} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="py-1.5">
                      <Link className="underline" to={`/clusters/${c.id}`}>
                        {c.name}
                      </Link>
                    </td>
                    <td>{c.display_name ?? ''}</td>
                    <td>
                      <Badge tone={toneOf(c.status.state)}>{c.status.state}</Badge>
                    </td>
                    <td>{c.environment}</td>
                    <td className="font-mono text-xs">{c.api_server_url}</td>
                    <td className="text-xs">
                      {Object.entries(c.labels)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(', ')}
                    </td>
                    <td className="space-x-1 text-right">
                      {removing === c.id ? (
                        <>
                          <Button
                            variant="danger"
                            onClick={() => remove.mutate({ id: c.id })}
                            disabled={remove.isPending}
                          >
                            Confirm removing {c.name}
                          </Button>
                          <Button variant="secondary" onClick={() => setRemoving(undefined)}>
                            Keep
                          </Button>
                        </>
                      ) : (
                        <>
                          <Button variant="secondary" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c.id)}>
                            Edit
                          </Button>
                          <Button variant="secondary" aria-label={`Remove ${c.name}`} onClick={() => setRemoving(c.id)}>
                            Remove
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Panel>
        {editing === 'new' ? (
          <Panel title="Add a cluster">
            <ClusterForm initial={emptyForm()} onDone={done} />
          </Panel>
        ) : null}
        {edited ? (
          <Panel title={`Edit ${edited.name}`}>
            <ClusterForm key={edited.id} initial={formOf(edited)} editing={{ id: edited.id }} onDone={done} />
          </Panel>
        ) : null}
      </div>
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { useRefreshOn } from '../../events/useRefreshOn.js';
import { DoraTable } from './DoraTable.js';
import { RunsTable } from './RunsTable.js';
import { WebhookSecretForm } from './WebhookSecretForm.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
const button =
  'rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900';

/**
 * Runs and DORA: pipeline runs reported by GitHub and GitLab webhooks (refreshed live, also when a late run is linked
 * to a deployment), the deployments seen on a cluster with the run that built each, DORA metrics per service or
 * namespace (of all clusters or one), and the webhook secrets (admins).
 */
export function RunsDoraPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [provider, setProvider] = useState<'' | 'GITHUB' | 'GITLAB'>('');
  const [days, setDays] = useState(30);
  const [groupBy, setGroupBy] = useState<'service' | 'namespace'>('service');
  const [clusterId, setClusterId] = useState('');
  const [doraCluster, setDoraCluster] = useState('');
  const runs = useQuery(trpc.delivery.runs.queryOptions({ page_size: 50, ...(provider ? { provider } : {}) }));
  const clusters = useQuery(trpc.clusters.list.queryOptions({ page_size: 100 }));
  const cluster = clusterId || clusters.data?.items?.[0]?.id || '';
  const dora = useQuery(
    trpc.delivery.dora.queryOptions({ days, group_by: groupBy, ...(doraCluster ? { cluster: doraCluster } : {}) }),
  );
  const deployments = useQuery({
    ...trpc.delivery.deployments.queryOptions({ cluster_id: cluster, page_size: 50 }),
    enabled: cluster !== '',
  });
  const refreshDelivery = () => void queryClient.invalidateQueries({ queryKey: trpc.delivery.pathKey() });
  useRefreshOn('PIPELINE_RUN_RECORDED', refreshDelivery, 1_000);
  useRefreshOn('DEPLOYMENT_RECORDED', refreshDelivery, 1_000);
  useRefreshOn('DEPLOYMENT_LINKED', refreshDelivery, 1_000);
  const sync = useMutation(trpc.delivery.syncDeployments.mutationOptions({ onSuccess: refreshDelivery }));
  return (
    <>
      <PageHeading title="Runs & DORA">
        Pipeline runs from GitHub and GitLab webhooks, the rollouts they became on the clusters, and the four DORA keys:
        deployment frequency, lead time for changes, change failure rate and time to restore.
      </PageHeading>
      <Panel
        title="Pipeline runs"
        actions={
          <label className="flex items-center gap-2 text-sm">
            Provider
            <select className={input} value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)}>
              <option value="">all</option>
              <option value="GITHUB">GitHub</option>
              <option value="GITLAB">GitLab</option>
            </select>
          </label>
        }
      >
        <ErrorNotice error={runs.error} />
        <RunsTable runs={runs.data?.items ?? []} />
      </Panel>
      <Panel
        title="DORA metrics"
        actions={
          <div className="flex items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              Days
              <input
                className={`${input} w-20`}
                type="number"
                min={1}
                max={365}
                value={days}
                onChange={(e) => setDays(Math.min(365, Math.max(1, Number(e.target.value) || 1)))}
              />
            </label>
            <label className="flex items-center gap-2">
              DORA cluster
              <select className={input} value={doraCluster} onChange={(e) => setDoraCluster(e.target.value)}>
                <option value="">all clusters</option>
                {(clusters.data?.items ?? []).map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2">
              Group by
              <select className={input} value={groupBy} onChange={(e) => setGroupBy(e.target.value as typeof groupBy)}>
                <option value="service">service</option>
                <option value="namespace">namespace</option>
              </select>
            </label>
          </div>
        }
      >
        <ErrorNotice error={dora.error} />
        <DoraTable rows={dora.data?.groups ?? []} />
        {doraCluster ? (
          <p className="mt-2 text-xs text-slate-500" data-testid="dora-scope">
            Deployments and incidents of cluster {doraCluster} only.
          </p>
        ) : null}
        <p className="mt-2 text-xs text-slate-500">
          Definitions: see docs/delivery.md. A change fails when it is rolled back, or an incident on its service is
          detected within 24 hours and before the next deployment.
        </p>
      </Panel>
      <Panel
        title="Deployments"
        actions={
          <div className="flex items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              Cluster
              <select className={input} value={cluster} onChange={(e) => setClusterId(e.target.value)}>
                {(clusters.data?.items ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className={button}
              disabled={!cluster || sync.isPending}
              onClick={() => sync.mutate({ cluster_id: cluster })}
            >
              Record deployments now
            </button>
          </div>
        }
      >
        <ErrorNotice error={sync.error ?? deployments.error} />
        {(deployments.data?.items ?? []).length === 0 ? (
          <p className="text-sm text-slate-500">No deployments recorded on this cluster yet.</p>
        ) : (
          <table aria-label="Deployments" className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                {['Namespace', 'Service', 'Images', 'Commit', 'Run', 'Roll back', 'Deployed'].map((h) => (
                  <th key={h} className="px-2 py-1 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(deployments.data?.items ?? []).map((d) => (
                <tr key={d.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="px-2 py-1">{d.namespace}</td>
                  <td className="px-2 py-1">{d.service}</td>
                  <td className="px-2 py-1 font-mono text-xs">{d.images.join(', ')}</td>
                  <td className="px-2 py-1 font-mono">{d.commit_sha?.slice(0, 7) ?? '—'}</td>
                  <td className="px-2 py-1">{d.run_id ? `linked by ${d.link}` : '—'}</td>
                  <td className="px-2 py-1">{d.rollback ? 'yes' : 'no'}</td>
                  <td className="px-2 py-1">{d.deployed_at.replace('T', ' ').slice(0, 16)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <WebhookSecretForm />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PipelinesPanel } from './PipelinesPanel.js';
import { ReleaseNotesPanel } from './ReleaseNotesPanel.js';
import { ReleasesPanel } from './ReleasesPanel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** Delivery: chart releases per cluster and namespace with history and rollback, generated pipelines, release notes. */
export function DeliveryPage() {
  const trpc = useTRPC();
  const clusters = useQuery(trpc.clusters.list.queryOptions({ page_size: 100 }));
  const [clusterId, setClusterId] = useState('');
  const [namespace, setNamespace] = useState('');
  const cluster = clusterId || clusters.data?.items?.[0]?.id || '';
  return (
    <>
      <PageHeading title="Delivery">
        Charts released with helm through review, their revisions and rollbacks; the CI pipelines generated for your
        projects with their review state; release notes from git history.
      </PageHeading>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          Cluster
          <select className={input} value={cluster} onChange={(e) => setClusterId(e.target.value)}>
            {(clusters.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Namespace
          <input className={input} value={namespace} placeholder="all" onChange={(e) => setNamespace(e.target.value)} />
        </label>
      </div>
      <div className="space-y-6">
        <ReleasesPanel clusterId={cluster} namespace={namespace.trim() || undefined} />
        <PipelinesPanel />
        <ReleaseNotesPanel />
      </div>
    </>
  );
}

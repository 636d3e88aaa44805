import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { ClusterSelect } from '../ClusterSelect.js';
import { PipelinesPanel } from './PipelinesPanel.js';
import { ReleaseNotesPanel } from './ReleaseNotesPanel.js';
import { ReleasesPanel } from './ReleasesPanel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** Delivery: chart releases per cluster and namespace with history and rollback, generated pipelines, release notes. */
export function DeliveryPage() {
  const [clusterId, setClusterId] = useState('');
  const [namespace, setNamespace] = useState('');
  return (
    <>
      <PageHeading title="Delivery">
        Charts released with helm through review, their revisions and rollbacks; the CI pipelines generated for your
        projects with their review state; release notes from git history.
      </PageHeading>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <ClusterSelect value={clusterId} onChange={setClusterId} />
        <label className="flex flex-col text-sm">
          Namespace
          <input className={input} value={namespace} placeholder="all" onChange={(e) => setNamespace(e.target.value)} />
        </label>
      </div>
      <div className="space-y-6">
        <ReleasesPanel clusterId={clusterId} namespace={namespace.trim() || undefined} />
        <PipelinesPanel />
        <ReleaseNotesPanel />
      </div>
    </>
  );
}

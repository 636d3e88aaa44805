import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'radix-ui';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Panel } from '../components/Panel.js';
import type { BrowserRef } from './cluster/askLinks.js';
import { type BrowserFilter, BrowserFilters } from './cluster/BrowserFilters.js';
import { ClusterHealthPanel } from './cluster/ClusterHealthPanel.js';
import { CLUSTER_TABS } from './cluster/clusterTabs.js';
import { ObjectDrawer } from './cluster/ObjectDrawer.js';

const tabClass =
  'rounded-t-md px-3 py-1.5 text-sm font-medium data-[state=active]:bg-slate-900 data-[state=active]:text-white dark:data-[state=active]:bg-slate-100 dark:data-[state=active]:text-slate-900';

/**
 * The cluster browser: one cluster's live health and its objects in tabs (see `CLUSTER_TABS`), filtered by namespace
 * and text, each object opening a detail drawer. Everything refreshes when the server announces changes on the event
 * socket (`RESOURCES_CHANGED`, `CLUSTER_STATUS_CHANGED`); nothing polls. The tab is kept in the URL (`?tab=`).
 */
export function ClusterPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<BrowserFilter>({ namespace: '', text: '' });
  const [opened, setOpened] = useState<BrowserRef | undefined>();
  const status = useQuery(trpc.clusters.status.queryOptions({ id }));
  const report = status.data?.report;
  const tab = params.get('tab') ?? CLUSTER_TABS[0]?.id ?? 'pods';
  return (
    <>
      <PageHeading title={status.data?.name ?? 'Cluster'}>
        Live health and objects of this cluster; click a row for its details.
      </PageHeading>
      <ErrorNotice error={status.error} />
      <div className="space-y-6">
        {report ? <ClusterHealthPanel report={report} /> : null}
        <Panel title="Browse">
          <BrowserFilters clusterId={id} value={filter} onChange={setFilter} />
          <Tabs.Root value={tab} onValueChange={(next) => setParams({ tab: next }, { replace: true })}>
            <Tabs.List
              aria-label="Cluster views"
              className="mb-3 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700"
            >
              {CLUSTER_TABS.map((t) => (
                <Tabs.Trigger key={t.id} value={t.id} className={tabClass}>
                  {t.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {CLUSTER_TABS.map((t) => (
              <Tabs.Content key={t.id} value={t.id}>
                <t.component clusterId={id} filter={filter} onOpen={setOpened} />
              </Tabs.Content>
            ))}
          </Tabs.Root>
        </Panel>
      </div>
      <ObjectDrawer clusterId={id} target={opened} onOpen={setOpened} onClose={() => setOpened(undefined)} />
    </>
  );
}

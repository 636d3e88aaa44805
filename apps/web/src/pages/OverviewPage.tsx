import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Panel } from '../components/Panel.js';
import { ClusterCard } from './ClusterCard.js';
import { EventList } from './EventList.js';

/**
 * The clusters the user may see with their live health score, state, capabilities, counts and top findings (each
 * card links to the cluster page), and the latest events (live).
 */
export function OverviewPage() {
  const trpc = useTRPC();
  // Refreshed when the server announces a status or object change (see queriesToRefresh).
  const fleet = useQuery(trpc.fleet.overview.queryOptions());
  return (
    <>
      <PageHeading title="Overview">Clusters you can see, their health, and what just happened.</PageHeading>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Panel
            title="Clusters"
            actions={
              <Link to="/clusters" className="text-sm font-medium underline">
                Manage clusters
              </Link>
            }
          >
            <ErrorNotice error={fleet.error} />
            {fleet.isPending ? <p>Loading clusters…</p> : null}
            {fleet.data?.clusters.length === 0 ? <p>No clusters are registered yet.</p> : null}
            <ul className="grid gap-3 sm:grid-cols-2">
              {fleet.data?.clusters.map((cluster) => (
                <li key={cluster.cluster_id}>
                  <ClusterCard cluster={cluster} />
                </li>
              ))}
            </ul>
          </Panel>
        </div>
        <Panel title="Recent events">
          <EventList />
        </Panel>
      </div>
    </>
  );
}

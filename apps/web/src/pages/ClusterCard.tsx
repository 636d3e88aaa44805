import { Link } from 'react-router';
import type { ApiOutputs } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { toneOf } from '../components/toneOf.js';
import { capabilityNames } from './cluster/capabilityNames.js';
import { FindingItem } from './cluster/FindingItem.js';

/** One cluster of `fleet.overview`. */
export type ClusterSummary = ApiOutputs['fleet']['overview']['clusters'][number];

/**
 * One cluster on the Overview: name (linking to its cluster page), state and live health score, environment,
 * detected capabilities, counts of nodes, pods, namespaces and findings by severity, and its top findings (each with
 * "Ask to fix", and when its cause was first and last seen and in how many runs).
 */
export function ClusterCard({ cluster }: { cluster: ClusterSummary }) {
  const { counts, findings } = cluster;
  const capabilities = capabilityNames(cluster.capabilities, cluster.service_mesh);
  const label = 'text-slate-600 dark:text-slate-300';
  return (
    <article className="rounded-md border border-slate-200 p-3 dark:border-slate-700" aria-label={cluster.name}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold">
          <Link to={`/clusters/${cluster.cluster_id}`} className="underline-offset-2 hover:underline">
            {cluster.display_name ?? cluster.name}
          </Link>
        </h3>
        <Badge tone={toneOf(cluster.state)}>{cluster.state}</Badge>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-2 text-sm">
        <dt className={label}>Health</dt>
        <dd data-testid="health-score">
          {cluster.health_score !== undefined ? `${cluster.health_score}/100` : 'not measured'}
        </dd>
        <dt className={label}>Environment</dt>
        <dd>{cluster.environment}</dd>
        <dt className={label}>Nodes</dt>
        <dd>
          {counts.nodes_ready}/{counts.nodes} Ready
        </dd>
        <dt className={label}>Pods</dt>
        <dd>
          {counts.pods_healthy}/{counts.pods} healthy
        </dd>
        <dt className={label}>Namespaces</dt>
        <dd>{counts.namespaces}</dd>
        <dt className={label}>Findings</dt>
        <dd data-testid="finding-counts">
          {findings.CRITICAL} critical · {findings.HIGH} high · {findings.MEDIUM} medium · {findings.LOW} low
        </dd>
        <dt className={label}>Capabilities</dt>
        <dd>{capabilities.length > 0 ? capabilities.join(', ') : 'none detected'}</dd>
        {cluster.last_error ? (
          <>
            <dt className={label}>Last error</dt>
            <dd className="break-words">{cluster.last_error}</dd>
          </>
        ) : null}
      </dl>
      {cluster.top_findings.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label="Top findings">
          {cluster.top_findings.map((finding) => (
            <FindingItem
              key={finding.id}
              clusterId={cluster.cluster_id}
              finding={finding}
              sighting={cluster.top_sightings.find((s) => s.finding_id === finding.id)}
            />
          ))}
        </ul>
      ) : null}
    </article>
  );
}

import type { ApiOutputs } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';
import { capabilityNames } from './capabilityNames.js';

type Report = NonNullable<ApiOutputs['clusters']['status']['report']>;

/**
 * A cluster's live health: state, score, nodes Ready, pods healthy, findings by severity, detected capabilities and
 * the last error.
 */
export function ClusterHealthPanel({ report }: { report: Report }) {
  const { status, counts, findings } = report;
  const capabilities = capabilityNames(report.capabilities, report.service_mesh);
  return (
    <Panel title="Health">
      <dl className="grid grid-cols-2 gap-x-2 text-sm sm:grid-cols-4" aria-label="Health">
        <dt>State</dt>
        <dd>
          <Badge tone={toneOf(status.state)}>{status.state}</Badge>
        </dd>
        <dt>Health score</dt>
        <dd data-testid="cluster-score">
          {status.health_score !== undefined ? `${status.health_score}/100` : 'not measured'}
        </dd>
        <dt>Nodes Ready</dt>
        <dd>
          {counts.nodes_ready}/{counts.nodes}
        </dd>
        <dt>Pods healthy</dt>
        <dd>
          {counts.pods_healthy}/{counts.pods}
        </dd>
        <dt>Findings</dt>
        <dd className="col-span-3">
          {findings.CRITICAL} critical, {findings.HIGH} high, {findings.MEDIUM} medium, {findings.LOW} low
        </dd>
        <dt>Capabilities</dt>
        <dd className="col-span-3">{capabilities.length > 0 ? capabilities.join(', ') : 'none detected'}</dd>
        {status.last_error ? (
          <>
            <dt>Last error</dt>
            <dd className="col-span-3 break-words">{status.last_error}</dd>
          </>
        ) : null}
      </dl>
    </Panel>
  );
}

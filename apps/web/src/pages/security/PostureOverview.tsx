import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';

/** How a 0–100 posture score is coloured. */
export function scoreTone(score: number | undefined): BadgeTone {
  if (score === undefined) return 'neutral';
  return score >= 90 ? 'good' : score >= 70 ? 'warn' : 'bad';
}

/** The posture of every cluster (latest scan, score, counts) and, for the chosen one, its namespaces' PSS levels. */
export function PostureOverview({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.security.overview.queryOptions());
  const chosen = overview.data?.find((c) => c.cluster_id === clusterId);
  return (
    <Panel title="Posture">
      <ErrorNotice error={overview.error} />
      <table className="w-full text-sm" aria-label="Cluster posture">
        <thead>
          <tr>
            {['Cluster', 'Status', 'Score', 'Critical', 'High', 'Medium', 'Low', 'Scanned'].map((h) => (
              <th key={h} className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.data?.map((c) => (
            <tr key={c.cluster_id}>
              <td className={td}>{c.cluster}</td>
              <td className={td}>
                {c.scan ? (
                  <Badge tone={c.scan.status === 'completed' ? 'good' : 'bad'}>{c.scan.status.toUpperCase()}</Badge>
                ) : (
                  'not scanned'
                )}
              </td>
              <td className={td} data-testid={`score-${c.cluster}`}>
                {c.scan?.score !== undefined ? <Badge tone={scoreTone(c.scan.score)}>{c.scan.score}</Badge> : '-'}
              </td>
              <td className={td}>{c.scan?.counts.critical ?? '-'}</td>
              <td className={td}>{c.scan?.counts.high ?? '-'}</td>
              <td className={td}>{c.scan?.counts.medium ?? '-'}</td>
              <td className={td}>{c.scan?.counts.low ?? '-'}</td>
              <td className={td}>{c.scan ? new Date(c.scan.started_at).toLocaleString() : '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen && chosen.namespaces.length > 0 ? (
        <table className="mt-4 w-full text-sm" aria-label="Namespace posture">
          <thead>
            <tr>
              {[
                'Namespace',
                'Score',
                'PSS level',
                'Enforced',
                'Enforcing baseline breaks',
                'Enforcing restricted breaks',
              ].map((h) => (
                <th key={h} className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chosen.namespaces.map((n) => (
              <tr key={n.namespace}>
                <td className={td}>{n.namespace}</td>
                <td className={td}>
                  <Badge tone={scoreTone(n.score)}>{n.score}</Badge>
                </td>
                <td className={td}>{n.level}</td>
                <td className={td}>{n.enforced ?? '-'}</td>
                <td className={td}>{n.wouldBreak.baseline.map((b) => b.object).join(', ') || 'nothing'}</td>
                <td className={td}>{n.wouldBreak.restricted.length} workloads</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}

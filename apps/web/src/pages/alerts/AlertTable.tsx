import { Badge, type BadgeTone } from '../../components/Badge.js';

/** A stored alert as the table shows it. */
export interface AlertRow {
  id: string;
  alertname: string;
  severity: string;
  state: string;
  cluster_name?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  starts_at: string;
  ends_at?: string;
}

const SEVERITY_TONE: Record<string, BadgeTone> = { CRITICAL: 'bad', WARNING: 'warn', INFO: 'info' };
const STATE_TONE: Record<string, BadgeTone> = { FIRING: 'bad', RESOLVED: 'good', PENDING: 'warn' };

/**
 * Stored alerts, newest first: name, severity, state, cluster, namespace, start and end, summary. With `onSelect`
 * the name is a button that opens the alert's firing history.
 */
export function AlertTable({ alerts, onSelect }: { alerts: AlertRow[]; onSelect?: (id: string) => void }) {
  if (alerts.length === 0) return <p className="text-sm">No alerts match.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Alerts" className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {['Alert', 'Severity', 'State', 'Cluster', 'Namespace', 'Started', 'Ended', 'Summary'].map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} className="border-b border-slate-100 dark:border-slate-800" data-state={a.state}>
              <td className="px-2 py-1.5 font-medium">
                {onSelect ? (
                  <button
                    type="button"
                    className="underline"
                    title="Show the firing history"
                    onClick={() => onSelect(a.id)}
                  >
                    {a.alertname}
                  </button>
                ) : (
                  a.alertname
                )}
              </td>
              <td className="px-2 py-1.5">
                <Badge tone={SEVERITY_TONE[a.severity] ?? 'neutral'}>{a.severity}</Badge>
              </td>
              <td className="px-2 py-1.5">
                <Badge tone={STATE_TONE[a.state] ?? 'neutral'}>{a.state}</Badge>
              </td>
              <td className="px-2 py-1.5">{a.cluster_name ?? '-'}</td>
              <td className="px-2 py-1.5">{a.labels.namespace ?? '-'}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{a.starts_at.replace('T', ' ').slice(0, 19)}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">
                {a.ends_at ? a.ends_at.replace('T', ' ').slice(0, 19) : '-'}
              </td>
              <td className="px-2 py-1.5">{a.annotations.summary ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

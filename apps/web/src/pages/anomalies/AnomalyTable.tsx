import type { AnomalyDetection } from '@opspilot/core';
import { Badge } from '../../components/Badge.js';
import { toneOf } from '../../components/toneOf.js';

/** What a row says the anomaly is about: the pod, workload, node or GPU of its series. */
export function anomalySubject(a: Pick<AnomalyDetection, 'labels'>): string {
  const l = a.labels;
  const ns = l.namespace ? `${l.namespace}/` : '';
  if (l.signal?.startsWith('gpu-')) return `GPU ${l.gpu ?? l.UUID ?? '?'} on ${l.Hostname ?? '?'}`;
  if (l.pod) return `pod ${ns}${l.pod}`;
  if (l.app) return `workload ${ns}${l.app}`;
  if (l.node) return `node ${l.node}`;
  if (l.gpu || l.UUID) return `GPU ${l.gpu ?? l.UUID}`;
  return '-';
}

/**
 * Detected anomalies, newest first: type, severity, confidence, signal, subject, when, and the explanation; the
 * selected one is marked, and each row's button selects it for the chart.
 */
export function AnomalyTable({
  anomalies,
  selected,
  onSelect,
}: {
  anomalies: AnomalyDetection[];
  selected?: string;
  onSelect: (id: string) => void;
}) {
  if (anomalies.length === 0) return <p className="text-sm">No anomalies match.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Anomalies" className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {['Type', 'Severity', 'Confidence', 'Signal', 'Subject', 'Detected', 'Explanation', ''].map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {anomalies.map((a) => (
            <tr
              key={a.id}
              aria-selected={a.id === selected}
              className={`border-b border-slate-100 dark:border-slate-800 ${a.id === selected ? 'bg-sky-50 dark:bg-sky-950' : ''}`}
            >
              <td className="px-2 py-1.5 font-medium">{a.anomaly_type.replace('_', ' ')}</td>
              <td className="px-2 py-1.5">
                <Badge tone={toneOf(a.severity)}>{a.severity}</Badge>
              </td>
              <td className="px-2 py-1.5">{Math.round(a.confidence_score * 100)}%</td>
              <td className="px-2 py-1.5">{a.labels.signal ?? a.metric_name}</td>
              <td className="px-2 py-1.5">{anomalySubject(a)}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{a.detected_at.replace('T', ' ').slice(0, 19)}</td>
              <td className="px-2 py-1.5">{a.explanation}</td>
              <td className="px-2 py-1.5">
                <button type="button" className="underline" onClick={() => onSelect(a.id)}>
                  Chart
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Incident } from '@opspilot/core';
import type { ReportSection } from '../reportDocument.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** Mean time to resolve, in minutes, over the resolved incidents; undefined when none is resolved. */
export function mttrMinutes(incidents: Incident[]): number | undefined {
  const resolved = incidents.filter((i) => i.resolved_at);
  if (resolved.length === 0) return undefined;
  const total = resolved.reduce((a, i) => a + (Date.parse(i.resolved_at as string) - Date.parse(i.detected_at)), 0);
  return Math.round(total / resolved.length / 60_000);
}

const fmtMinutes = (m: number | undefined) =>
  m === undefined ? 'n/a (none resolved)' : m >= 120 ? `${(m / 60).toFixed(1)} h` : `${m} min`;

/** Incidents of the period: counts, MTTR, a bar chart by severity and (when detailed) one row per incident. */
export function incidentSection(
  incidents: Incident[],
  detailed = false,
): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const open = incidents.filter((i) => !i.resolved_at).length;
  const mttr = mttrMinutes(incidents);
  const bySeverity = SEVERITIES.map((s) => ({ x: s, y: incidents.filter((i) => i.severity === s).length }));
  const sorted = [...incidents].sort((a, b) => b.detected_at.localeCompare(a.detected_at));
  return {
    title: 'Incidents',
    summary: [
      incidents.length === 0
        ? 'No incident in the period.'
        : `${incidents.length} incident${incidents.length === 1 ? '' : 's'} in the period, ${open} still open; mean time to resolve ${fmtMinutes(mttr)}.`,
    ],
    metrics: [
      { label: 'Incidents', value: String(incidents.length) },
      { label: 'Open', value: String(open) },
      { label: 'MTTR', value: fmtMinutes(mttr) },
      { label: 'Critical', value: String(incidents.filter((i) => i.severity === 'CRITICAL').length) },
    ],
    charts: incidents.length
      ? [
          {
            kind: 'BAR',
            title: 'Incidents by severity',
            unit: 'incidents',
            series: [{ name: 'incidents', points: bySeverity }],
          },
        ]
      : [],
    tables: [
      {
        columns: detailed
          ? ['Detected', 'Severity', 'Status', 'Title', 'Resolved in', 'Root cause']
          : ['Detected', 'Severity', 'Status', 'Title'],
        rows: sorted.slice(0, detailed ? 200 : 10).map((i) => {
          const base = [i.detected_at.slice(0, 16).replace('T', ' '), i.severity, i.status, i.title];
          if (!detailed) return base;
          const took = i.resolved_at
            ? Math.round((Date.parse(i.resolved_at) - Date.parse(i.detected_at)) / 60_000)
            : undefined;
          return [...base, fmtMinutes(took).replace(' (none resolved)', ''), i.root_cause ?? '—'];
        }),
      },
    ],
  };
}

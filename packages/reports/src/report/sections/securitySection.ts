import type { ReportSection } from '../reportDocument.js';
import type { SecurityPosture } from '../reportSources.js';

const ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** The security score (0–100) with open findings by severity and the score over time. */
export function securitySection(posture: SecurityPosture): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const severities = [
    ...ORDER.filter((s) => s in posture.counts),
    ...Object.keys(posture.counts).filter((s) => !ORDER.includes(s)),
  ];
  return {
    title: 'Security posture',
    summary: [
      `Security score ${posture.score}/100${posture.scanned_at ? ` (scan of ${posture.scanned_at.slice(0, 16).replace('T', ' ')} UTC)` : ''}; ${severities.map((s) => `${posture.counts[s]} ${s.toLowerCase()}`).join(', ') || 'no open finding'}.`,
    ],
    metrics: [
      { label: 'Security score', value: `${posture.score}/100` },
      ...severities
        .slice(0, 3)
        .map((s) => ({ label: s.charAt(0) + s.slice(1).toLowerCase(), value: String(posture.counts[s]) })),
    ],
    charts:
      posture.trend.length > 1
        ? [
            {
              kind: 'LINE',
              title: 'Security score',
              unit: 'score',
              series: [{ name: 'score', points: posture.trend.map((t) => ({ x: t.at.slice(0, 10), y: t.score })) }],
            },
          ]
        : [],
  };
}

import type { Incident } from '@opspilot/core';
import type { ReportSources } from '../report/reportSources.js';

const DAY = 86_400_000;
const day = (start: number, i: number) => new Date(start + i * DAY).toISOString();

/**
 * Report sources with a fortnight of plausible data ending at `end`, for tests and the demo: two clusters, three
 * incidents (two resolved), a rising cost, a security score trend and growing requests.
 */
export function sampleSources(end: Date): Required<ReportSources> {
  const start = end.getTime() - 14 * DAY;
  const incidents: Incident[] = [
    {
      id: '0b7f2f4e-8d7c-4a8e-9b1a-3c5d7e9f1a01',
      title: 'backend pods OOMKilled',
      description: '',
      severity: 'HIGH',
      status: 'RESOLVED',
      detected_at: day(start, 2),
      resolved_at: new Date(start + 2 * DAY + 45 * 60_000).toISOString(),
      root_cause: 'memory limit below working set',
      affected_resources: [],
      created_at: day(start, 2),
    },
    {
      id: '0b7f2f4e-8d7c-4a8e-9b1a-3c5d7e9f1a02',
      title: 'frontend 5xx above 5 %',
      description: '',
      severity: 'CRITICAL',
      status: 'CLOSED',
      detected_at: day(start, 6),
      resolved_at: new Date(start + 6 * DAY + 15 * 60_000).toISOString(),
      affected_resources: [],
      created_at: day(start, 6),
    },
    {
      id: '0b7f2f4e-8d7c-4a8e-9b1a-3c5d7e9f1a03',
      title: 'node disk pressure',
      description: '',
      severity: 'MEDIUM',
      status: 'INVESTIGATING',
      detected_at: day(start, 12),
      affected_resources: [],
      created_at: day(start, 12),
    },
  ] as Incident[];
  return {
    fleet: async () => [
      { name: 'prod-eu', status: 'HEALTHY', health_score: 94, nodes: 6, ready_nodes: 6, pods: 84, failing_pods: 1 },
      { name: 'staging', status: 'DEGRADED', health_score: 71, nodes: 3, ready_nodes: 2, pods: 40, failing_pods: 4 },
    ],
    incidents: async () => incidents,
    cost: async () => ({
      currency: 'USD',
      daily: Array.from({ length: 14 }, (_, i) => ({ date: day(start, i).slice(0, 10), cost: 120 + i * 3.5 })),
      forecast: Array.from({ length: 7 }, (_, i) => ({ date: day(start, 14 + i).slice(0, 10), cost: 169 + i * 3.5 })),
    }),
    security: async () => ({
      score: 78,
      counts: { CRITICAL: 1, HIGH: 4, MEDIUM: 9 },
      scanned_at: day(start, 13),
      trend: Array.from({ length: 5 }, (_, i) => ({ at: day(start, i * 3), score: 70 + i * 2 })),
    }),
    capacity: async () => ({
      allocatable: { cpu: 36, memory_gib: 144 },
      requests: Array.from({ length: 14 }, (_, i) => ({
        at: day(start, i),
        cpu: 18 + i * 0.4,
        memory_gib: 70 + i * 1.2,
      })),
    }),
    findings: async () => [
      {
        cluster: 'prod-eu',
        severity: 'HIGH',
        resource: 'Deployment/todo/backend',
        message: 'container backend was OOMKilled 3 times',
      },
      { cluster: 'staging', severity: 'MEDIUM', resource: 'Node/staging-2', message: 'node is NotReady' },
    ],
  };
}

import type { AnalysisReport, ProblemReport } from '@opspilot/analyzers';
import { describe, expect, it } from 'vitest';
import { agoText, problemRow, problemTable } from './analyzeTable.js';

const now = new Date('2026-03-01T12:00:00.000Z');

function problem(overrides: Partial<ProblemReport> = {}): ProblemReport {
  return {
    id: 'g1',
    severity: 'HIGH',
    root_cause: {
      id: 'node-not-ready:node/worker-2',
      analyzer: 'node-not-ready',
      severity: 'HIGH',
      resource: { kind: 'Node', name: 'worker-2' },
      message: `Node worker-2 is NotReady ${'because the kubelet stopped posting status '.repeat(4)}\nsecond line`,
      evidence: [],
      sensitive: [],
    },
    symptoms: [],
    ...overrides,
  } as ProblemReport;
}

describe('the -o wide table of opspilot analyze', () => {
  it('says ages as kubectl does, with "ago", and <unknown> without a time', () => {
    expect(agoText('2026-03-01T11:57:30.000Z', now)).toBe('2m30s ago');
    expect(agoText('2026-02-26T08:00:00.000Z', now)).toBe('3d4h ago');
    expect(agoText(undefined, now)).toBe('<unknown>');
  });

  it('gives a cluster-scoped cause <none> for namespace, one affected object and one run when nothing else is known', () => {
    const row = problemRow(problem(), now);
    expect(row.slice(0, 8)).toEqual([
      'HIGH',
      '<none>',
      'node/worker-2',
      'node-not-ready',
      '1',
      '<unknown>',
      '<unknown>',
      '1',
    ]);
    // The message's first line, cut to 100 characters.
    expect(row[8]).toHaveLength(100);
    expect(row[8]).toMatch(/^Node worker-2 is NotReady because .*…$/);
  });

  it('fills AFFECTED, FIRST SEEN, LAST SEEN and SEEN from the problem, CLUSTER first for the fleet', () => {
    const seen = problem({
      count: 3,
      first_seen: '2026-03-01T10:00:00.000Z',
      last_seen: '2026-03-01T12:00:00.000Z',
      runs: 7,
    });
    const report = { cluster: 'ctx', taken_at: now.toISOString(), problems: [seen] } as AnalysisReport;
    const table = problemTable([{ cluster: 'prod-eu', report }], true) ?? '';
    const [header, row] = table.split('\n');
    expect(header).toMatch(
      /^CLUSTER +SEVERITY +NAMESPACE +OBJECT +ANALYZER +AFFECTED +FIRST SEEN +LAST SEEN +SEEN +MESSAGE$/,
    );
    expect(row).toMatch(
      /^prod-eu +HIGH +<none> +node\/worker-2 +node-not-ready +3 +120m ago +0s ago +7 +Node worker-2/,
    );
    expect(problemTable([{ cluster: 'x', report: { ...report, problems: [] } }], false)).toBeUndefined();
  });
});

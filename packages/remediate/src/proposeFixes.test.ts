import type { ClusterGateway, Finding, HealingAction } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { learnedRates } from './healing/healingStats.js';
import { proposeFixes } from './proposeFixes.js';
import { defineRemediation, type RemediationCandidate } from './remediation.js';

const finding: Finding = {
  id: 'pod-crash-loop:pod/a/api-1:app',
  analyzer: 'pod-crash-loop',
  severity: 'critical',
  resource: { kind: 'Pod', name: 'api-1', namespace: 'a' },
  message: 'crash loop',
  evidence: [],
  sensitive: [],
} as unknown as Finding;
const candidateOf = (remediation: string, confidence: number) =>
  ({ remediation, confidence, summary: remediation }) as unknown as RemediationCandidate;
const remediation = (id: string, confidence: number) =>
  defineRemediation({
    id,
    title: id,
    findingClasses: ['pod-crash-loop'],
    effect: 'write',
    propose: async () => ({ candidates: [candidateOf(id, confidence)] }),
  });
const catalogue = [remediation('fix:sure', 0.8), remediation('fix:unsure', 0.6)];
let n = 0;
const run = (
  remediationId: string,
  status: 'SUCCEEDED' | 'FAILED',
  findingClass = 'pod-crash-loop',
): HealingAction => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  rule_id: '00000000-0000-4000-8000-000000000000',
  trigger: 'RULE',
  target: 'deployment/a/api',
  status,
  dry_run: false,
  attempt: 1,
  result: { remediation: remediationId, finding_class: findingClass },
  created_at: '2026-03-01T09:00:00.000Z',
});
const ctx = { gateway: {} as ClusterGateway, now: new Date() };

describe('ranking candidate fixes with what the healing history taught', () => {
  it('ranks by confidence alone until a remediation has three runs on the class', async () => {
    const rates = learnedRates([run('fix:sure', 'FAILED'), run('fix:sure', 'FAILED')], 'pod-crash-loop');
    const proposal = await proposeFixes(finding, ctx, { catalogue, rates });
    expect(proposal.candidates.map((c) => c.remediation)).toEqual(['fix:sure', 'fix:unsure']);
    expect(proposal.learned).toEqual({ 'fix:sure': { rate: 0, runs: 2 } });
  });

  it('sinks a remediation that keeps failing on this class, and ignores how it did on other classes', async () => {
    const history = [
      ...[1, 2, 3].map(() => run('fix:sure', 'FAILED')),
      ...[1, 2, 3].map(() => run('fix:unsure', 'SUCCEEDED')),
      ...[1, 2, 3, 4].map(() => run('fix:unsure', 'FAILED', 'pod-oom-killed')),
    ];
    const proposal = await proposeFixes(finding, ctx, { catalogue, rates: learnedRates(history, 'pod-crash-loop') });
    expect(proposal.candidates.map((c) => c.remediation)).toEqual(['fix:unsure', 'fix:sure']);
    expect(proposal.learned).toEqual({ 'fix:sure': { rate: 0, runs: 3 }, 'fix:unsure': { rate: 1, runs: 3 } });
  });
});

import { describe, expect, it } from 'vitest';
import { Finding } from './finding.js';

const finding = {
  id: 'pod-crash-loop:todo/backend-1',
  analyzer: 'pod-crash-loop',
  severity: 'HIGH',
  resource: { kind: 'Pod', name: 'backend-1', namespace: 'todo' },
  message: 'backend-1 restarts in a loop',
};

describe('Finding', () => {
  it('defaults evidence and sensitive values to empty lists', () => {
    const parsed = Finding.parse(finding);
    expect(parsed.evidence).toEqual([]);
    expect(parsed.sensitive).toEqual([]);
  });

  it('refuses an unknown severity, evidence kind or patch type', () => {
    expect(Finding.safeParse({ ...finding, severity: 'WARNING' }).success).toBe(false);
    const evidence = [{ kind: 'rumour', source: 'x', detail: 'y' }];
    expect(Finding.safeParse({ ...finding, evidence }).success).toBe(false);
    const proposedFix = { description: 'raise the limit', patch: { type: 'yaml', body: {} } };
    expect(Finding.safeParse({ ...finding, proposedFix }).success).toBe(false);
  });
});

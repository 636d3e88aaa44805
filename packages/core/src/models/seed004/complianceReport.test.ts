import { describe, expect, it } from 'vitest';
import { ComplianceReport, complianceScore, NewComplianceReport } from './complianceReport.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const pass = { id: '5.2.2', status: 'PASS' } as const;
const fail = { id: '5.2.3', status: 'FAIL' } as const;
const na = { id: '5.2.4', status: 'NOT_APPLICABLE' } as const;

describe('ComplianceReport', () => {
  it('defaults control text and accepts a stored report', () => {
    const parsed = NewComplianceReport.parse({ framework: 'CIS', controls: [pass], score: 100 });
    expect(parsed.controls[0]).toEqual({ ...pass, title: '', evidence: '' });
    const stored = { id, framework: 'SOC2', controls: [], score: 0, generated_at: '2026-01-01T00:00:00Z' };
    expect(ComplianceReport.safeParse(stored).success).toBe(true);
  });

  it('bounds the score to 0..100', () => {
    const report = { framework: 'HIPAA', controls: [] };
    expect(NewComplianceReport.safeParse({ ...report, score: 100.5 }).success).toBe(false);
    expect(NewComplianceReport.safeParse({ ...report, score: -1 }).success).toBe(false);
  });

  it('refuses unknown frameworks and control statuses, and duplicate controls', () => {
    expect(NewComplianceReport.safeParse({ framework: 'PCI-DSS', controls: [], score: 1 }).success).toBe(false);
    const badStatus = { framework: 'CIS', controls: [{ id: '1', status: 'pass' }], score: 1 };
    expect(NewComplianceReport.safeParse(badStatus).success).toBe(false);
    const dup = NewComplianceReport.safeParse({ framework: 'CIS', controls: [pass, pass], score: 100 });
    expect(dup.error?.issues[0]?.message).toBe('control ids must be unique');
  });
});

describe('complianceScore', () => {
  it('scores the passing share of applicable controls', () => {
    expect(complianceScore([pass, fail, na])).toBe(50);
    expect(complianceScore([pass, pass, fail])).toBe(67);
    expect(complianceScore([fail])).toBe(0);
  });

  it('is 100 when no control applies', () => {
    expect(complianceScore([na])).toBe(100);
    expect(complianceScore([])).toBe(100);
  });
});

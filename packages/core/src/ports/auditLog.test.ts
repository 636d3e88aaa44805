import { describe, expect, it } from 'vitest';
import { AuditChainReport } from './auditLog.js';

describe('AuditChainReport', () => {
  const firstBad = { sequence: 4, problem: 'EDITED', message: 'entry #4 was edited' } as const;

  it('accepts an intact chain and a broken one that names its first bad entry', () => {
    expect(AuditChainReport.safeParse({ ok: true, checked: 12 }).success).toBe(true);
    expect(AuditChainReport.safeParse({ ok: false, checked: 4, firstBad }).success).toBe(true);
  });

  it('refuses a broken chain without a first bad entry, and an ok one with one', () => {
    expect(AuditChainReport.safeParse({ ok: false, checked: 4 }).success).toBe(false);
    expect(AuditChainReport.safeParse({ ok: true, checked: 4, firstBad }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { NewSecurityScan, SecurityScan } from './securityScan.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-01T00:02:00.000Z';
const scan = { scan_type: 'CONTAINER', target: 'ghcr.io/acme/api:1.4' };

describe('SecurityScan', () => {
  it('starts running with zero counts and an empty report', () => {
    expect(NewSecurityScan.parse(scan)).toEqual({
      ...scan,
      status: 'RUNNING',
      findings_count: 0,
      critical_count: 0,
      high_count: 0,
      medium_count: 0,
      low_count: 0,
      report: {},
    });
  });

  it('requires findings_count to be the sum of the severity counts', () => {
    const counts = { critical_count: 1, high_count: 2, low_count: 1 };
    expect(NewSecurityScan.safeParse({ ...scan, ...counts, findings_count: 4 }).success).toBe(true);
    const bad = NewSecurityScan.safeParse({ ...scan, ...counts, findings_count: 3 });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['findings_count'],
      message: 'findings_count must equal critical + high + medium + low counts',
    });
  });

  it('refuses negative or fractional counts', () => {
    expect(NewSecurityScan.safeParse({ ...scan, low_count: -1, findings_count: -1 }).success).toBe(false);
    expect(NewSecurityScan.safeParse({ ...scan, low_count: 0.5, findings_count: 0.5 }).success).toBe(false);
  });

  it('stamps completed_at exactly when the scan is over', () => {
    const done = { ...scan, id, status: 'COMPLETED', started_at: t0, completed_at: t1 };
    expect(SecurityScan.safeParse(done).success).toBe(true);
    expect(SecurityScan.safeParse({ ...done, status: 'FAILED' }).success).toBe(true);
    const open = SecurityScan.safeParse({ ...done, completed_at: undefined });
    expect(open.error?.issues[0]?.path).toEqual(['completed_at']);
    expect(SecurityScan.safeParse({ ...done, status: 'RUNNING' }).success).toBe(false);
  });

  it('refuses unknown scan types and an over-long target', () => {
    expect(NewSecurityScan.safeParse({ ...scan, scan_type: 'container' }).success).toBe(false);
    expect(NewSecurityScan.safeParse({ ...scan, target: 'x'.repeat(256) }).success).toBe(false);
  });
});

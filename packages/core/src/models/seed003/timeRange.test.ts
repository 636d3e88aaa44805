import { describe, expect, it } from 'vitest';
import { durationToMs } from '../common.js';
import { ErrorResponse } from './errorResponse.js';
import { Report } from './report.js';
import { TimeRange } from './timeRange.js';

describe('TimeRange, Report, ErrorResponse', () => {
  it('accepts a duration or an ordered start/end', () => {
    expect(TimeRange.safeParse({ duration: '1h' }).success).toBe(true);
    expect(TimeRange.safeParse({ start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' }).success).toBe(true);
    expect(durationToMs('2w')).toBe(1_209_600_000);
  });

  it('refuses an empty range, a bad duration and a reversed range', () => {
    expect(TimeRange.safeParse({}).success).toBe(false);
    expect(TimeRange.safeParse({ duration: '1y' }).success).toBe(false);
    expect(TimeRange.safeParse({ duration: 'h' }).success).toBe(false);
    expect(TimeRange.safeParse({ start: '2026-01-02T00:00:00Z', end: '2026-01-01T00:00:00Z' }).success).toBe(false);
  });

  it('only knows the supported report formats', () => {
    const report = {
      id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
      title: 'Weekly GPU Utilization Report',
      report_type: 'EXECUTIVE_SUMMARY',
      format: 'PDF',
      time_range: { start: '2026-01-01T00:00:00Z', end: '2026-01-08T00:00:00Z' },
      generated_by: 'system',
      created_at: '2026-01-08T00:00:00Z',
    };
    expect(Report.safeParse(report).success).toBe(true);
    expect(Report.safeParse({ ...report, format: 'DOCX' }).success).toBe(false);
  });

  it('requires UPPER_SNAKE error codes', () => {
    const body = { error_code: 'CLUSTER_NOT_FOUND', message: 'no such cluster', timestamp: '2026-01-01T00:00:00Z' };
    expect(ErrorResponse.safeParse(body).success).toBe(true);
    expect(ErrorResponse.safeParse({ ...body, error_code: 'cluster-not-found' }).success).toBe(false);
  });
});

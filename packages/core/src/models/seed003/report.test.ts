import { describe, expect, it } from 'vitest';
import { NewReport, Report } from './report.js';

const report = {
  title: 'Weekly GPU Utilization Report',
  report_type: 'EXECUTIVE_SUMMARY',
  format: 'PDF',
  time_range: { start: '2026-01-01T00:00:00Z', end: '2026-01-08T00:00:00Z' },
  generated_by: 'system',
};

describe('Report', () => {
  it('accepts a new report and defaults to the whole fleet', () => {
    expect(NewReport.parse(report).cluster_scope).toEqual([]);
    const stored = { ...report, id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', created_at: '2026-01-08T00:00:00Z' };
    expect(Report.safeParse(stored).success).toBe(true);
  });

  it.each(['HTML', 'PDF', 'MARKDOWN', 'JSON'])('accepts the format %s', (format) => {
    expect(NewReport.safeParse({ ...report, format }).success).toBe(true);
  });

  it.each(['DOCX', 'pdf', 'CSV', ''])('refuses the format %j', (format) => {
    const result = NewReport.safeParse({ ...report, format });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['format']);
  });

  it('refuses an unknown report type', () => {
    expect(NewReport.safeParse({ ...report, report_type: 'WEEKLY' }).success).toBe(false);
  });

  it('requires an ordered, complete period', () => {
    const reversed = { start: '2026-01-08T00:00:00Z', end: '2026-01-01T00:00:00Z' };
    const result = NewReport.safeParse({ ...report, time_range: reversed });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['time_range', 'end']);
    expect(NewReport.safeParse({ ...report, time_range: { start: reversed.end } }).success).toBe(false);
  });

  it('refuses a negative size', () => {
    expect(NewReport.safeParse({ ...report, size_bytes: -1 }).success).toBe(false);
  });
});

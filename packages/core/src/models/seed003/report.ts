import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { isInOrder } from './timeOrder.js';

/** Kinds of generated report (seed 003 §7.1). */
export const ReportType = z.enum(['EXECUTIVE_SUMMARY', 'DETAILED_ANALYSIS', 'INCIDENT_REPORT', 'CAPACITY_PLAN']);
export type ReportType = z.infer<typeof ReportType>;

/** The formats opspilot can render a report in (seed 003 §7.1, §10: "must be supported format"). */
export const ReportFormat = z.enum(['HTML', 'PDF', 'MARKDOWN', 'JSON']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** The absolute period a report covers (seed 003 §7.1 `time_range`); `start` must not be after `end`. */
export const ReportPeriod = z
  .object({ start: Timestamp, end: Timestamp })
  .refine((r) => isInOrder(r.start, r.end), { message: 'start must not be after end', path: ['end'] });
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/**
 * A generated report and where its rendered file is kept (seed 003 §7.1). `generated_by` is a user id, or
 * `system` for scheduled reports; an empty `cluster_scope` means the whole fleet.
 */
export const Report = z.object({
  id: Uuid,
  title: z.string().min(1),
  report_type: ReportType,
  format: ReportFormat,
  cluster_scope: z.array(Uuid).default([]),
  time_range: ReportPeriod,
  generated_by: z.string().min(1),
  storage_path: z.string().min(1).optional(),
  size_bytes: z.number().int().min(0).optional(),
  created_at: Timestamp,
  expires_at: Timestamp.optional(),
});
export type Report = z.infer<typeof Report>;

/** What the report generator supplies to record a {@link Report}; the store assigns the id and creation time. */
export const NewReport = Report.omit({ id: true, created_at: true });
export type NewReport = z.input<typeof NewReport>;

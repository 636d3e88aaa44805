import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** Supported report formats (seed 003 §7.1, §10). */
export const ReportFormat = z.enum(['HTML', 'PDF', 'MARKDOWN', 'JSON']);

/** A generated report (seed 003 §7.1). */
export const Report = z.object({
  id: Uuid,
  title: z.string().min(1),
  report_type: z.enum(['EXECUTIVE_SUMMARY', 'DETAILED_ANALYSIS', 'INCIDENT_REPORT', 'CAPACITY_PLAN']),
  format: ReportFormat,
  cluster_scope: z.array(Uuid).default([]),
  time_range: z
    .object({ start: Timestamp, end: Timestamp })
    .refine((r) => Date.parse(r.start) <= Date.parse(r.end), { message: 'start must not be after end' }),
  generated_by: z.string().min(1),
  storage_path: z.string().optional(),
  size_bytes: z.number().int().min(0).optional(),
  created_at: Timestamp,
  expires_at: Timestamp.optional(),
});
export type Report = z.infer<typeof Report>;

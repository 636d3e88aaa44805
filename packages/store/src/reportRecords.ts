import { ReportFormat, ReportType, Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';
import type { EntitySpec } from './repository.js';

const fileFields = {
  report_id: Uuid,
  content_type: z.string().min(1),
  /** `utf8` for Markdown, HTML and JSON; `base64` for PDF. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  /** Ids of the sections whose data source was down when the report was built. */
  missing_sections: z.array(z.string()).default([]),
  schedule_id: Uuid.optional(),
};

/** A generated report's rendered file (migration 0023 `report_files`), one per row of `reports`. */
export const StoredReportFile = z.object({ ...fileFields, created_at: Timestamp });
export type StoredReportFile = z.infer<typeof StoredReportFile>;
export const NewStoredReportFile = z.object(fileFields);
export type NewStoredReportFile = z.input<typeof NewStoredReportFile>;

/** The generic-repository mapping of `report_files` (keyed by the report's id). */
export const REPORT_FILE_SPEC: EntitySpec<StoredReportFile, NewStoredReportFile> = {
  table: 'report_files',
  noun: 'report file',
  idField: 'report_id',
  schema: StoredReportFile,
  newSchema: NewStoredReportFile,
  stamps: ['created_at'],
};

const scheduleFields = {
  name: z.string().min(1).max(255),
  report_type: ReportType,
  format: ReportFormat,
  cron: z.string().min(1),
  timezone: z.string().min(1),
  cluster_scope: z.array(z.string()).default([]),
  period_days: z.number().int().min(1),
  webhook_url: z.string().url().optional(),
  webhook_secret: z.string().optional(),
  enabled: z.boolean().default(true),
  next_run_at: Timestamp.optional(),
  last_run_at: Timestamp.optional(),
  last_status: z.string().optional(),
  created_by: z.string().min(1),
};

/** A scheduled report (migration 0023 `report_schedules`); the cron expression is checked by `@opspilot/reports`. */
export const StoredReportSchedule = z.object({ id: Uuid, ...scheduleFields, created_at: Timestamp });
export type StoredReportSchedule = z.infer<typeof StoredReportSchedule>;
export const NewStoredReportSchedule = z.object(scheduleFields);
export type NewStoredReportSchedule = z.input<typeof NewStoredReportSchedule>;

/** The generic-repository mapping of `report_schedules`. */
export const REPORT_SCHEDULE_SPEC: EntitySpec<StoredReportSchedule, NewStoredReportSchedule> = {
  table: 'report_schedules',
  noun: 'report schedule',
  schema: StoredReportSchedule,
  newSchema: NewStoredReportSchedule,
  stamps: ['created_at'],
};

const versionFields = {
  doc_id: Uuid,
  version: z.number().int().min(1),
  title: z.string().min(1),
  content: z.string().min(1),
  source_refs: z.array(z.string()).default([]),
};

/** One earlier version of a generated document (migration 0024 `generated_doc_versions`). */
export const StoredDocVersion = z.object({ id: Uuid, ...versionFields, created_at: Timestamp });
export type StoredDocVersion = z.infer<typeof StoredDocVersion>;
export const NewStoredDocVersion = z.object(versionFields);
export type NewStoredDocVersion = z.input<typeof NewStoredDocVersion>;

/** The generic-repository mapping of `generated_doc_versions`. */
export const DOC_VERSION_SPEC: EntitySpec<StoredDocVersion, NewStoredDocVersion> = {
  table: 'generated_doc_versions',
  noun: 'document version',
  schema: StoredDocVersion,
  newSchema: NewStoredDocVersion,
  stamps: ['created_at'],
  orderBy: 'version',
};

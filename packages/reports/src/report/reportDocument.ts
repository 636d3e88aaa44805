import { ReportPeriod, ReportType } from '@opspilot/core';
import { z } from 'zod';

/** One series of a chart: points with an x label (a date or a name) and a value. */
export const ChartSeries = z.object({
  name: z.string(),
  points: z.array(z.object({ x: z.string(), y: z.number() })),
  /** Drawn dashed: a forecast rather than a measurement. */
  dashed: z.boolean().default(false),
});
export type ChartSeries = z.input<typeof ChartSeries>;

/** A chart of a report section, drawn server-side as SVG (HTML) or vector paths (PDF). */
export const ReportChart = z.object({
  kind: z.enum(['LINE', 'BAR']),
  title: z.string(),
  unit: z.string().default(''),
  series: z.array(ChartSeries),
});
export type ReportChart = z.input<typeof ReportChart>;

export const ReportMetric = z.object({ label: z.string(), value: z.string() });
export type ReportMetric = z.infer<typeof ReportMetric>;

export const ReportTable = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) });
export type ReportTable = z.infer<typeof ReportTable>;

/**
 * A section of a report. MISSING when its data source could not be read: the section then says which source and
 * why, and carries no figures, so a reader never takes an outage for zeros.
 */
export const ReportSection = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['OK', 'MISSING']),
  /** The data source the section reads (`incidents`, `cost`, `security`, `fleet`, `capacity`, `findings`). */
  source: z.string(),
  missing_reason: z.string().optional(),
  summary: z.array(z.string()).default([]),
  metrics: z.array(ReportMetric).default([]),
  tables: z.array(ReportTable).default([]),
  charts: z.array(ReportChart).default([]),
});
export type ReportSection = z.input<typeof ReportSection>;

/** A built report, independent of its format: what every renderer (Markdown, HTML, PDF, JSON) draws. */
export const ReportDocument = z.object({
  title: z.string(),
  report_type: ReportType,
  generated_at: z.string(),
  period: ReportPeriod,
  clusters: z.array(z.string()),
  sections: z.array(ReportSection),
});
export type ReportDocument = z.input<typeof ReportDocument>;

/** The sections that could not be built, by title — what a scheduled delivery and the CLI warn about. */
export const missingSections = (doc: ReportDocument) => doc.sections.filter((s) => s.status === 'MISSING');

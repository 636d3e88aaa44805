/**
 * @opspilot/reports — the documentation generator (architecture diagrams of a live namespace as Mermaid and SVG, the
 * service catalogue, runbooks from resolved incidents, API reference pages from OpenAPI, editable DocTemplates) and
 * the reports of seed 003 §7 (executive summary, detailed analysis, incident report, capacity plan) in Markdown,
 * HTML with server-side SVG charts, PDF and JSON, on demand or on a cron schedule with signed webhook delivery.
 * A pure engine: data arrives through {@link ReportSources} and the cluster snapshot; the apps store and send.
 */
export { apiReference, OpenApiDocument } from './apiref/apiReference.js';
export {
  ARCHITECTURE_KINDS,
  ArchEdge,
  ArchEdgeKind,
  ArchitectureGraph,
  ArchNode,
  ArchNodeKind,
  architectureGraph,
} from './architecture/architectureGraph.js';
export { architectureMermaid } from './architecture/architectureMermaid.js';
export { renderArchitectureSvg } from './architecture/renderArchitectureSvg.js';
export {
  CatalogueEntry,
  catalogueMarkdown,
  ServiceHealth,
  serviceCatalogue,
} from './catalogue/serviceCatalogue.js';
export { chartSvg } from './charts/chartSvg.js';
export {
  deliverReport,
  type ReportDelivery,
  type ReportPayload,
  type ReportTarget,
} from './delivery/deliverReport.js';
export { type DocToSave, type DocVersionStore, saveDocVersion } from './docs/saveDocVersion.js';
export { escapeXml } from './render/escapeXml.js';
export { type RenderedReport, renderReport } from './render/renderReport.js';
export { reportHtml } from './render/reportHtml.js';
export { markdownTable, reportMarkdown } from './render/reportMarkdown.js';
export { reportPdf } from './render/reportPdf.js';
export { buildReport, REPORT_LAYOUT, type ReportRequest } from './report/buildReport.js';
export {
  type CapacityHistory,
  type CapacityPoint,
  type CapacityQueries,
  readCapacityHistory,
} from './report/capacityHistory.js';
export { linearTrend } from './report/linearTrend.js';
export {
  ChartSeries,
  missingSections,
  ReportChart,
  ReportDocument,
  ReportMetric,
  ReportSection,
  ReportTable,
} from './report/reportDocument.js';
export type {
  AnalysisFinding,
  CapacitySeries,
  CostTrend,
  FleetClusterHealth,
  ReportSources,
  SecurityPosture,
} from './report/reportSources.js';
export { mttrMinutes } from './report/sections/incidentSection.js';
export { type ResolvedIncident, runbookFromIncidents } from './runbooks/runbookFromIncidents.js';
export {
  checkCron,
  dueSchedules,
  NewReportSchedule,
  nextRunAt,
  periodEnding,
  ReportSchedule,
} from './schedule/reportSchedule.js';
export {
  type ChangeableSchedule,
  changedFields,
  ReportScheduleChange,
  scheduleChangePatch,
} from './schedule/scheduleChange.js';
export { BUILTIN_DOC_TEMPLATES } from './templates/builtinDocTemplates.js';
export { renderDocTemplate } from './templates/renderDocTemplate.js';

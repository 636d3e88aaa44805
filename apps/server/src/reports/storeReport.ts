import type { Cluster, Report, ReportFormat, ReportPeriod, ReportType } from '@opspilot/core';
import {
  buildReport,
  deliverReport,
  missingSections,
  type ReportDelivery,
  type ReportSources,
  type ReportTarget,
  renderReport,
} from '@opspilot/reports';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';
import { reportSourcesFor } from './reportSourcesFor.js';

/** What to generate and store. */
export interface StoreReportInput {
  type: ReportType;
  format: ReportFormat;
  clusters: Cluster[];
  period: ReportPeriod;
  title?: string;
  /** A user id, or `system` for a scheduled run. */
  generatedBy: string;
  username?: string;
  scheduleId?: string;
  target?: ReportTarget;
  /** Replaces the server's sources (tests: a source that is down). */
  sources?: ReportSources;
}

/** Sends a report to a webhook (`fetch` with a 10 s timeout per attempt). */
export async function httpPost(url: string, headers: Record<string, string>, body: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

type Services = Pick<ApiServices, 'store' | 'bus' | 'clock' | 'logger' | 'fleet' | 'gateways' | 'metrics'>;

/**
 * Builds a report from the server's sources, renders it, stores it in the history (`reports` + `report_files`),
 * delivers it to the webhook when one is given (signed, retried), audits `report.generated` and publishes
 * `REPORT_GENERATED`. Missing sections are stored and announced, never hidden.
 */
export async function storeReport(
  services: Services,
  input: StoreReportInput,
): Promise<{ report: Report; missing: string[]; delivery?: ReportDelivery }> {
  const now = services.clock.now();
  const doc = await buildReport(input.sources ?? reportSourcesFor(services, input.clusters), {
    type: input.type,
    period: input.period,
    clusters: input.clusters.map((c) => c.name),
    title: input.title,
    generatedAt: now,
  });
  const rendered = await renderReport(doc, input.format);
  const missing = missingSections(doc).map((s) => s.id);
  const report = await services.store.reports.create({
    title: doc.title,
    report_type: input.type,
    format: input.format,
    cluster_scope: input.clusters.map((c) => c.id),
    time_range: input.period,
    generated_by: input.generatedBy,
    size_bytes: rendered.body.length,
  });
  const binary = input.format === 'PDF';
  const content = binary ? Buffer.from(rendered.body).toString('base64') : new TextDecoder().decode(rendered.body);
  await services.store.reportFiles.create({
    report_id: report.id,
    content_type: rendered.contentType,
    encoding: binary ? 'base64' : 'utf8',
    content,
    missing_sections: missing,
    ...(input.scheduleId ? { schedule_id: input.scheduleId } : {}),
  });
  const stored = await services.store.reports.update(report.id, { storage_path: `report_files/${report.id}` });
  const delivery = input.target
    ? await deliverReport(
        input.target,
        {
          event: 'report.generated',
          report: {
            id: stored.id,
            title: stored.title,
            report_type: stored.report_type,
            format: stored.format,
            created_at: stored.created_at,
            time_range: stored.time_range,
          },
          missing_sections: missing,
          content_type: rendered.contentType,
          content_base64: Buffer.from(rendered.body).toString('base64'),
        },
        httpPost,
        services.clock,
      )
    : undefined;
  await publishAudit(services, {
    user_id: input.generatedBy,
    action: 'report.generated',
    target: `report/${stored.id}`,
    status: delivery && !delivery.ok ? 'ERROR' : missing.length > 0 ? 'PARTIAL_SUCCESS' : 'SUCCESS',
    details: {
      report_type: input.type,
      format: input.format,
      missing_sections: missing,
      ...(input.username ? { username: input.username } : {}),
      ...(input.scheduleId ? { schedule_id: input.scheduleId } : {}),
      ...(delivery
        ? {
            delivery: {
              url: delivery.url,
              ok: delivery.ok,
              attempts: delivery.attempts,
              status: delivery.status ?? null,
              error: delivery.error ?? null,
            },
          }
        : {}),
    },
  });
  await services.bus
    .publish({
      event_type: 'REPORT_GENERATED',
      timestamp: now.toISOString(),
      payload: {
        report_id: stored.id,
        report_type: input.type,
        format: input.format,
        missing_sections: missing,
        ...(delivery ? { delivery: { ok: delivery.ok, attempts: delivery.attempts } } : {}),
      },
    })
    .catch((error: unknown) => services.logger.warn({ err: error }, 'publishing REPORT_GENERATED failed'));
  return { report: stored, missing, ...(delivery ? { delivery } : {}) };
}

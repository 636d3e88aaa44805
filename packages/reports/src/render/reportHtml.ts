import { chartSvg } from '../charts/chartSvg.js';
import type { ReportDocument, ReportTable } from '../report/reportDocument.js';
import { escapeXml as e } from './escapeXml.js';

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827;max-width:960px;margin:32px auto;padding:0 24px}
h1{font-size:26px;margin-bottom:4px}h2{font-size:19px;border-bottom:1px solid #e5e7eb;padding-bottom:4px;margin-top:32px}
.meta{color:#6b7280;font-size:13px}.metrics{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.metric{border:1px solid #e5e7eb;border-radius:8px;padding:8px 14px;min-width:120px}.metric .v{font-size:20px;font-weight:600}
.metric .l{font-size:12px;color:#6b7280}table{border-collapse:collapse;width:100%;font-size:13px;margin:12px 0}
th,td{border-bottom:1px solid #e5e7eb;text-align:left;padding:4px 8px}th{background:#f9fafb}
.missing{border:1px solid #f59e0b;background:#fffbeb;border-radius:8px;padding:10px 14px}.charts svg{margin:8px 0;max-width:100%}`;

const table = (t: ReportTable) =>
  `<table><thead><tr>${t.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/**
 * The report as one self-contained HTML page (inline style, charts drawn on the server as inline SVG, no script), so
 * it opens offline, mails well and prints to PDF. A MISSING section is a highlighted box naming the source.
 */
export function reportHtml(doc: ReportDocument): string {
  const sections = doc.sections.map((s) => {
    if (s.status === 'MISSING') {
      return `<section data-section="${e(s.id)}" data-status="MISSING"><h2>${e(s.title)}</h2><p class="missing"><strong>Section missing:</strong> ${e(s.missing_reason ?? `the ${s.source} data source is unavailable`)}. No figures are shown for it.</p></section>`;
    }
    const metrics = s.metrics?.length
      ? `<div class="metrics">${s.metrics.map((m) => `<div class="metric"><div class="v">${e(m.value)}</div><div class="l">${e(m.label)}</div></div>`).join('')}</div>`
      : '';
    const charts = s.charts?.length ? `<div class="charts">${s.charts.map(chartSvg).join('')}</div>` : '';
    return `<section data-section="${e(s.id)}" data-status="OK"><h2>${e(s.title)}</h2>${(s.summary ?? []).map((p) => `<p>${e(p)}</p>`).join('')}${metrics}${charts}${(
      s.tables ?? []
    )
      .filter((t) => t.rows.length)
      .map(table)
      .join('')}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(doc.title)}</title><style>${STYLE}</style></head><body><h1>${e(doc.title)}</h1><p class="meta">Period ${e(doc.period.start.slice(0, 10))} to ${e(doc.period.end.slice(0, 10))} · clusters: ${e(doc.clusters.length ? doc.clusters.join(', ') : 'all')} · generated ${e(doc.generated_at.slice(0, 16).replace('T', ' '))} UTC</p>${sections.join('')}</body></html>`;
}

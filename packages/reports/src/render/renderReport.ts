import type { ReportFormat } from '@opspilot/core';
import type { ReportDocument } from '../report/reportDocument.js';
import { reportHtml } from './reportHtml.js';
import { reportMarkdown } from './reportMarkdown.js';
import { reportPdf } from './reportPdf.js';

/** A rendered report: its bytes, media type and file extension. */
export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  extension: string;
  body: Uint8Array;
}

const text = (s: string) => new TextEncoder().encode(s);

/** Renders a built report in one of the formats of seed 003 §7.1. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
  switch (format) {
    case 'MARKDOWN':
      return { format, contentType: 'text/markdown; charset=utf-8', extension: 'md', body: text(reportMarkdown(doc)) };
    case 'HTML':
      return { format, contentType: 'text/html; charset=utf-8', extension: 'html', body: text(reportHtml(doc)) };
    case 'JSON':
      return {
        format,
        contentType: 'application/json',
        extension: 'json',
        body: text(`${JSON.stringify(doc, null, 2)}\n`),
      };
    case 'PDF':
      return { format, contentType: 'application/pdf', extension: 'pdf', body: await reportPdf(doc) };
  }
}

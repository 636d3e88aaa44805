import PDFDocument from 'pdfkit';
import { axisNumber, placeChart } from '../charts/chartGeometry.js';
import type { ReportChart, ReportDocument, ReportTable } from '../report/reportDocument.js';

type Doc = PDFKit.PDFDocument;
const MARGIN = 50;

function ensureRoom(pdf: Doc, height: number) {
  if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
}

function drawChart(pdf: Doc, chart: ReportChart) {
  const w = 420;
  const h = 130;
  ensureRoom(pdf, h + 50);
  pdf
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor('#111827')
    .text(`${chart.title}${chart.unit ? ` (${chart.unit})` : ''}`, MARGIN);
  const x0 = MARGIN + 40;
  const y0 = pdf.y + 6;
  const { top, series, yOf, xs } = placeChart(chart, w, h);
  pdf.font('Helvetica').fontSize(7).fillColor('#4b5563');
  for (const f of [0, 0.5, 1]) {
    const y = y0 + yOf(top * f);
    pdf
      .moveTo(x0, y)
      .lineTo(x0 + w, y)
      .lineWidth(0.5)
      .strokeColor('#e5e7eb')
      .stroke();
    pdf.text(axisNumber(top * f), MARGIN, y - 3, { width: 36, align: 'right' });
  }
  if (chart.kind === 'BAR') {
    const pts = series[0]?.points ?? [];
    const bw = (w / Math.max(1, pts.length)) * 0.7;
    pts.forEach((p, i) => {
      const x = x0 + (w / pts.length) * (i + 0.15);
      if (p.y > 0)
        pdf
          .rect(x, y0 + p.py, bw, h - p.py)
          .fillColor(series[0]?.colour ?? '#2563eb')
          .fill();
      pdf.fillColor('#4b5563').text(`${p.x} (${p.y})`, x - 10, y0 + h + 4, { width: bw + 20, align: 'center' });
    });
  } else {
    for (const s of series) {
      for (const [i, p] of s.points.entries()) {
        if (i) pdf.lineTo(x0 + p.px, y0 + p.py);
        else pdf.moveTo(x0 + p.px, y0 + p.py);
      }
      if (s.dashed) pdf.dash(4, { space: 3 });
      pdf.lineWidth(1.5).strokeColor(s.colour).stroke().undash();
    }
    const first = xs[0] ?? '';
    const last = xs.at(-1) ?? '';
    pdf
      .fillColor('#4b5563')
      .text(first, x0, y0 + h + 4)
      .text(last, x0 + w - 60, y0 + h + 4, { width: 60, align: 'right' });
    pdf.text(series.map((s) => `${s.dashed ? '- - ' : '— '}${s.name}`).join('    '), x0, y0 + h + 14);
  }
  pdf.x = MARGIN;
  pdf.y = y0 + h + 30;
}

function drawTable(pdf: Doc, t: ReportTable) {
  const width = pdf.page.width - 2 * MARGIN;
  const weights = t.columns.map(
    (c, i) => Math.min(40, Math.max(c.length, ...t.rows.map((r) => (r[i] ?? '').length))) + 2,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const lefts = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const row = (cells: string[], bold: boolean) => {
    pdf
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor('#111827');
    const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: (widths[i] as number) - 4 }))) + 4;
    ensureRoom(pdf, height);
    const y = pdf.y;
    for (const [i, c] of cells.entries()) pdf.text(c, lefts[i] as number, y + 2, { width: (widths[i] as number) - 4 });
    pdf
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.5)
      .strokeColor('#e5e7eb')
      .stroke();
    pdf.x = MARGIN;
    pdf.y = y + height;
  };
  pdf.font('Helvetica-Bold').fontSize(8);
  row(t.columns, true);
  pdf.font('Helvetica').fontSize(8);
  for (const r of t.rows) row(r, false);
  pdf.moveDown(0.8);
}

/**
 * The report as a PDF (pdfkit, standard fonts, vector charts drawn from the same data as the HTML's SVG): title
 * and period, then each section; a MISSING section prints the reason in an amber box instead of figures. The
 * document's creation date is the report's, so the same report gives the same bytes.
 */
export function reportPdf(doc: ReportDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: doc.title, Creator: 'opspilot', Producer: 'opspilot', CreationDate: new Date(doc.generated_at) },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Uint8Array) => chunks.push(c));
    pdf.on('end', () => {
      const size = chunks.reduce((a, c) => a + c.length, 0);
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(20).fillColor('#111827').text(doc.title);
  pdf
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#6b7280')
    .text(
      `Period ${doc.period.start.slice(0, 10)} to ${doc.period.end.slice(0, 10)} · clusters: ${doc.clusters.length ? doc.clusters.join(', ') : 'all'} · generated ${doc.generated_at.slice(0, 16).replace('T', ' ')} UTC`,
    );
  pdf.moveDown();
  for (const s of doc.sections) {
    ensureRoom(pdf, 60);
    pdf.font('Helvetica-Bold').fontSize(14).fillColor('#111827').text(s.title, MARGIN);
    pdf.moveDown(0.3);
    if (s.status === 'MISSING') {
      const text = `Section missing: ${s.missing_reason ?? `the ${s.source} data source is unavailable`}. No figures are shown for it.`;
      const h =
        pdf
          .font('Helvetica')
          .fontSize(10)
          .heightOfString(text, { width: pdf.page.width - 2 * MARGIN - 16 }) + 12;
      pdf.rect(MARGIN, pdf.y, pdf.page.width - 2 * MARGIN, h).fillAndStroke('#fffbeb', '#f59e0b');
      pdf.fillColor('#92400e').text(text, MARGIN + 8, pdf.y + 6, { width: pdf.page.width - 2 * MARGIN - 16 });
      pdf.x = MARGIN;
      pdf.moveDown(1.2);
      continue;
    }
    pdf.font('Helvetica').fontSize(10).fillColor('#111827');
    for (const p of s.summary ?? []) pdf.text(p, MARGIN).moveDown(0.3);
    if (s.metrics?.length)
      pdf
        .font('Helvetica')
        .fontSize(10)
        .text(s.metrics.map((m) => `${m.label}: ${m.value}`).join('   ·   '), MARGIN)
        .moveDown(0.5);
    for (const c of s.charts ?? []) drawChart(pdf, c);
    for (const t of s.tables ?? []) if (t.rows.length) drawTable(pdf, t);
    pdf.moveDown(0.5);
  }
  pdf.end();
  return done;
}

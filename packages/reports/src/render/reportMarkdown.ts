import type { ReportDocument, ReportTable } from '../report/reportDocument.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A table in GitHub Markdown. */
export function markdownTable(t: ReportTable): string {
  return [
    `| ${t.columns.map(cell).join(' | ')} |`,
    `|${t.columns.map(() => '---').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/**
 * The report in Markdown: title, period, then each section with its summary, key figures and tables; a chart is
 * given as its data table (Markdown has no pictures of its own). A MISSING section says which source is down.
 */
export function reportMarkdown(doc: ReportDocument): string {
  const out = [
    `# ${doc.title}`,
    '',
    `Period ${doc.period.start.slice(0, 10)} to ${doc.period.end.slice(0, 10)} · clusters: ${doc.clusters.length ? doc.clusters.join(', ') : 'all'} · generated ${doc.generated_at.slice(0, 16).replace('T', ' ')} UTC`,
    '',
  ];
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    if (s.status === 'MISSING') {
      out.push(
        `> **Section missing:** ${s.missing_reason ?? `the ${s.source} data source is unavailable`}. No figures are shown for it.`,
        '',
      );
      continue;
    }
    for (const line of s.summary ?? []) out.push(line, '');
    if (s.metrics?.length)
      out.push(markdownTable({ columns: ['Measure', 'Value'], rows: s.metrics.map((m) => [m.label, m.value]) }), '');
    for (const c of s.charts ?? []) {
      const xs = [...new Set(c.series.flatMap((x) => x.points.map((p) => p.x)))].sort();
      out.push(`**${c.title}**${c.unit ? ` (${c.unit})` : ''}`, '');
      out.push(
        markdownTable({
          columns: ['', ...c.series.map((x) => x.name)],
          rows: xs.map((x) => [
            x,
            ...c.series.map((ser) => {
              const p = ser.points.find((q) => q.x === x);
              return p ? String(Math.round(p.y * 100) / 100) : '';
            }),
          ]),
        }),
        '',
      );
    }
    for (const t of s.tables ?? []) if (t.rows.length) out.push(markdownTable(t), '');
  }
  return out.join('\n');
}

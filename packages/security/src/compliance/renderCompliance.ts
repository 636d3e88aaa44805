import type { ComplianceResult } from './complianceReport.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A compliance report as Markdown: title, score, then one table row per control. */
export function complianceMarkdown(r: ComplianceResult): string {
  return [
    `# ${r.title}`,
    '',
    `Target: ${r.target} · scan ${r.scanId} · generated ${r.generatedAt} · **score ${r.score}/100**`,
    '',
    '| control | title | status | evidence | remediation |',
    '| --- | --- | --- | --- | --- |',
    ...r.controls.map(
      (c) => `| ${c.id} | ${cell(c.title)} | ${c.status} | ${cell(c.evidence)} | ${cell(c.remediation ?? '')} |`,
    ),
    '',
  ].join('\n');
}

/** A compliance report as a standalone HTML page (escaped; no scripts). */
export function complianceHtml(r: ComplianceResult): string {
  const rows = r.controls
    .map(
      (c) =>
        `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td class="${c.status.toLowerCase()}">${c.status}</td><td>${esc(c.evidence)}</td><td>${esc(c.remediation ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}.fail{color:#b00}.pass{color:#070}</style>
</head><body>
<h1>${esc(r.title)}</h1>
<p>Target: ${esc(r.target)} · scan ${esc(r.scanId)} · generated ${esc(r.generatedAt)} · <strong>score ${r.score}/100</strong></p>
<table><thead><tr><th>control</th><th>title</th><th>status</th><th>evidence</th><th>remediation</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

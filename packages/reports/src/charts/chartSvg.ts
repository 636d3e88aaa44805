import { escapeXml } from '../render/escapeXml.js';
import type { ReportChart } from '../report/reportDocument.js';
import { axisNumber, placeChart } from './chartGeometry.js';

const W = 560;
const H = 220;
const M = { left: 48, right: 16, top: 28, bottom: 40 };

/**
 * A chart as a standalone SVG drawn on the server (no browser, no script): a line chart with a dashed forecast, or
 * a bar chart; axes, grid lines, a legend, and a `<title>` per point so the value shows on hover.
 */
export function chartSvg(chart: ReportChart): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const { xs, top, series, yOf } = placeChart(chart, pw, ph);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="10" role="img" aria-label="${escapeXml(chart.title)}">`,
    `<text x="${M.left}" y="16" font-size="12" font-weight="bold">${escapeXml(chart.title)}${chart.unit ? ` (${escapeXml(chart.unit)})` : ''}</text>`,
    `<g transform="translate(${M.left},${M.top})">`,
  ];
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const y = yOf(top * f);
    out.push(
      `<line x1="0" x2="${pw}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`,
      `<text x="-6" y="${y + 3}" text-anchor="end" fill="#4b5563">${axisNumber(top * f)}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(xs.length / 8));
  if (chart.kind === 'BAR') {
    const points = series[0]?.points ?? [];
    const bw = (pw / Math.max(1, points.length)) * 0.7;
    points.forEach((p, i) => {
      const x = (pw / points.length) * (i + 0.15);
      out.push(
        `<rect class="bar" x="${x}" y="${p.py}" width="${bw}" height="${ph - p.py}" fill="${series[0]?.colour}"><title>${escapeXml(`${p.x}: ${p.y}`)}</title></rect>`,
        `<text x="${x + bw / 2}" y="${ph + 14}" text-anchor="middle" fill="#4b5563">${escapeXml(p.x)}</text>`,
        `<text x="${x + bw / 2}" y="${p.py - 3}" text-anchor="middle">${p.y}</text>`,
      );
    });
  } else {
    xs.forEach((x, i) => {
      if (i % every !== 0 && i !== xs.length - 1) return;
      const px = xs.length > 1 ? (i * pw) / (xs.length - 1) : pw / 2;
      out.push(`<text x="${px}" y="${ph + 14}" text-anchor="middle" fill="#4b5563">${escapeXml(x.slice(5))}</text>`);
    });
    for (const s of series) {
      const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${p.px.toFixed(1)},${p.py.toFixed(1)}`).join(' ');
      out.push(
        `<path class="series" data-series="${escapeXml(s.name)}" d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      );
      for (const p of s.points)
        out.push(
          `<circle cx="${p.px.toFixed(1)}" cy="${p.py.toFixed(1)}" r="2" fill="${s.colour}"><title>${escapeXml(`${s.name} ${p.x}: ${p.y}`)}</title></circle>`,
        );
    }
  }
  out.push(`<line x1="0" x2="${pw}" y1="${ph}" y2="${ph}" stroke="#374151"/>`, '</g>');
  if (chart.kind === 'LINE') {
    series.forEach((s, i) => {
      const x = M.left + i * 120;
      out.push(
        `<line x1="${x}" x2="${x + 18}" y1="${H - 8}" y2="${H - 8}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
        `<text x="${x + 22}" y="${H - 5}">${escapeXml(s.name)}</text>`,
      );
    });
  }
  out.push('</svg>');
  return out.join('');
}

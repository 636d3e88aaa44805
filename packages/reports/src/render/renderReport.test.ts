import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportFormat, ReportType } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../report/buildReport.js';
import { ReportDocument } from '../report/reportDocument.js';
import { sampleSources } from '../testing/sampleSources.js';
import { renderReport } from './renderReport.js';

const END = new Date('2026-12-06T00:00:00.000Z');
const PERIOD = { start: '2026-11-22T00:00:00.000Z', end: END.toISOString() };
const TYPES: ReportType[] = ['EXECUTIVE_SUMMARY', 'DETAILED_ANALYSIS', 'INCIDENT_REPORT', 'CAPACITY_PLAN'];
const FORMATS: ReportFormat[] = ['MARKDOWN', 'HTML', 'PDF', 'JSON'];
const dir = mkdtempSync(join(tmpdir(), 'opspilot-report-'));

/** The text of a PDF as poppler's pdftotext reads it (content order, one string). */
function pdfText(body: Uint8Array): string {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** What each type must show in every format: its title and figures only its own sections produce. */
const EXPECTED: Record<ReportType, string[]> = {
  EXECUTIVE_SUMMARY: [
    'Executive summary',
    'Fleet health',
    '1 of 2 clusters healthy',
    'MTTR',
    '30 min',
    'Cost trend',
    'Security score 78/100',
  ],
  DETAILED_ANALYSIS: [
    'Detailed cluster analysis',
    'Cluster analysis',
    'container backend was OOMKilled 3 times',
    'Capacity plan',
    'staging',
  ],
  INCIDENT_REPORT: [
    'Incident report',
    'backend pods OOMKilled',
    'memory limit below working set',
    'node disk pressure',
    '3 incidents in the period, 1 still open',
  ],
  CAPACITY_PLAN: [
    'Capacity plan',
    'CPU requests vs allocatable',
    'Memory requests vs allocatable',
    'reach it in about',
  ],
};

describe('every report type in every format', () => {
  for (const type of TYPES) {
    for (const format of FORMATS) {
      it(`${type} as ${format}`, async () => {
        const doc = await buildReport(sampleSources(END), { type, period: PERIOD, clusters: [], generatedAt: END });
        const rendered = await renderReport(doc, format);
        const text = format === 'PDF' ? pdfText(rendered.body) : new TextDecoder().decode(rendered.body);
        if (format === 'PDF') expect(new TextDecoder().decode(rendered.body.slice(0, 5))).toBe('%PDF-');
        if (format === 'JSON') expect(ReportDocument.parse(JSON.parse(text)).report_type).toBe(type);
        if (format === 'HTML') {
          expect(text).toMatch(/^<!doctype html>/);
          if (type !== 'DETAILED_ANALYSIS') expect(text).toContain('<svg');
        }
        const flat = text.replace(/\s+/g, ' ');
        for (const expected of EXPECTED[type]) expect(flat).toContain(expected);
        expect(flat).not.toContain('Section missing');
      });
    }
  }
});

describe('a report whose data source is down', () => {
  const sources = {
    ...sampleSources(END),
    cost: async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:9090');
    },
  };

  for (const format of FORMATS) {
    it(`says which section is missing instead of printing zeros (${format})`, async () => {
      const doc = await buildReport(sources, {
        type: 'EXECUTIVE_SUMMARY',
        period: PERIOD,
        clusters: [],
        generatedAt: END,
      });
      const rendered = await renderReport(doc, format);
      const text = (format === 'PDF' ? pdfText(rendered.body) : new TextDecoder().decode(rendered.body))
        .replace(/<[^>]+>|\*\*/g, '')
        .replace(/\s+/g, ' ');
      if (format === 'JSON') {
        const cost = JSON.parse(new TextDecoder().decode(rendered.body)).sections.find(
          (s: { id: string }) => s.id === 'cost',
        );
        expect(cost).toMatchObject({ status: 'MISSING', metrics: [], charts: [] });
        expect(cost.missing_reason).toContain('ECONNREFUSED');
      } else {
        expect(text).toContain(
          'Section missing: the cost data source is unavailable: connect ECONNREFUSED 127.0.0.1:9090',
        );
        expect(text).not.toContain('USD 0.00');
      }
      expect(text).toContain('Security score 78/100');
    });
  }

  it('names a source that is not configured at all', async () => {
    const doc = await buildReport({}, { type: 'CAPACITY_PLAN', period: PERIOD, clusters: [], generatedAt: END });
    expect(doc.sections.map((s) => [s.id, s.status, s.missing_reason])).toEqual([
      ['capacity', 'MISSING', 'no capacity data source is configured'],
      ['fleet', 'MISSING', 'no fleet data source is configured'],
    ]);
  });
});

describe('a capacity plan with a single sample', () => {
  it('says the trend is unknown rather than flat, and draws no forecast', async () => {
    const doc = await buildReport(
      {
        capacity: async () => ({
          allocatable: { cpu: 8, memory_gib: 32 },
          requests: [{ at: END.toISOString(), cpu: 2, memory_gib: 4 }],
        }),
      },
      { type: 'CAPACITY_PLAN', period: PERIOD, clusters: [], generatedAt: END },
    );
    const md = new TextDecoder().decode((await renderReport(doc, 'MARKDOWN')).body);
    expect(md).toContain(
      'CPU: requests are 25 % of allocatable; the trend is unknown (no history: only the requests now).',
    );
    expect(md).not.toContain('not growing');
    expect(md).not.toContain('forecast');
    expect(md).toMatch(/\| CPU \| 8\.0 cores \| 2\.0 cores \(25 %\) \| unknown \| unknown \| unknown \| unknown \|/);
  });

  it('with a history of requests and usage, forecasts when each reaches allocatable', async () => {
    const day = (d: number) => new Date(END.getTime() - (10 - d) * 86_400_000).toISOString();
    const doc = await buildReport(
      {
        capacity: async () => ({
          allocatable: { cpu: 10, memory_gib: 40 },
          // Requests grow by 0.5 cores and 1 GiB a day; usage by 0.2 cores a day and not in memory.
          requests: [0, 5, 10].map((d) => ({ at: day(d), cpu: 2 + 0.5 * d, memory_gib: 10 + d })),
          usage: [0, 5, 10].map((d) => ({ at: day(d), cpu: 1 + 0.2 * d, memory_gib: 8 })),
        }),
      },
      { type: 'CAPACITY_PLAN', period: PERIOD, clusters: [], generatedAt: END },
    );
    const md = new TextDecoder().decode((await renderReport(doc, 'MARKDOWN')).body);
    // CPU requests are at 7 of 10 cores: 80 % in 2 days, 100 % in 6.
    expect(md).toContain('CPU: requests are 70 % of allocatable and reach it in about 6 days at the current pace.');
    expect(md).toMatch(
      /\| CPU \| 10\.0 cores \| 7\.0 cores \(70 %\) \| \+3\.50 cores\/week \| .* \| in 2 d \| in 6 d \|/,
    );
    // CPU usage is at 3 of 10 cores growing 0.2 a day: 100 % in 35 days; memory usage is flat.
    expect(md).toContain('CPU: usage is 30 % of allocatable and reaches it in about 35 days at the current pace.');
    expect(md).toContain('Memory: usage is 20 % of allocatable and is not growing.');
    expect(md).toMatch(
      /\| CPU usage \| 10\.0 cores \| 3\.0 cores \(30 %\) \| \+1\.40 cores\/week \| .* \| in 25 d \| in 35 d \|/,
    );
    const chart = doc.sections[0]?.charts?.[0];
    expect(chart?.series.map((s) => s.name)).toEqual([
      'requests',
      'requests forecast',
      'usage',
      'usage forecast',
      'allocatable',
    ]);
  });
});

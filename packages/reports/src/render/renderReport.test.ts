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
    expect(md).toContain('CPU: requests are 25 % of allocatable; the trend is unknown (one sample: the requests now).');
    expect(md).not.toContain('not growing');
    expect(md).not.toContain('forecast');
    expect(md).toMatch(
      /\| CPU \| 8\.0 cores \| 2\.0 cores \(25 %\) \| \+0\.00 cores\/week \| .* \| unknown \| unknown \|/,
    );
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../report/buildReport.js';
import { sampleSources } from '../testing/sampleSources.js';
import { renderReport } from './renderReport.js';

const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/reports/', import.meta.url));
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
const END = new Date('2026-12-06T00:00:00.000Z');
const work = mkdtempSync(join(tmpdir(), 'opspilot-report-shots-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const executive = async () => {
  const sources = sampleSources(END);
  return buildReport(sources, {
    type: 'EXECUTIVE_SUMMARY',
    period: { start: '2026-11-22T00:00:00.000Z', end: END.toISOString() },
    clusters: [],
    generatedAt: END,
  });
};

describe('screenshots of a report, kept as test artefacts for a person to look at', () => {
  it('the HTML report in Chromium shows its charts', { timeout: 60_000 }, async () => {
    expect(CHROMIUM, 'chromium must be installed (apt-get install chromium)').toBeDefined();
    mkdirSync(ARTIFACTS, { recursive: true });
    const html = new TextDecoder().decode((await renderReport(await executive(), 'HTML')).body);
    writeFileSync(join(ARTIFACTS, 'executive-summary.html'), html);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.setContent(html);
      await page.locator('section[data-section="cost"] svg.chart path.series').first().waitFor();
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: join(ARTIFACTS, 'executive-summary-html.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    expect(readFileSync(join(ARTIFACTS, 'executive-summary-html.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it("the PDF's first page, rasterised with poppler", { timeout: 60_000 }, async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = (await renderReport(await executive(), 'PDF')).body;
    const file = join(ARTIFACTS, 'executive-summary.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(ARTIFACTS, 'executive-summary-pdf-page1'),
    ]);
    const png = readFileSync(join(ARTIFACTS, 'executive-summary-pdf-page1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });
});

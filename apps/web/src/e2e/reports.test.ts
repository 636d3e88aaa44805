import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

const pwExpect = playwrightExpect.configure({ timeout: 30_000 });
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/e2e/', import.meta.url));

describe.runIf(chromiumRunnable)(
  'the reports and documentation pages (real server, simulated cluster, chromium)',
  () => {
    let session: DashboardSession | undefined;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      session = await openDashboard({ defaultTimeoutMs: 30_000 });
      page = session.page;
    }, 120_000);
    afterAll(async () => {
      await session?.close();
    }, 20_000);

    it('generates an HTML executive summary, shows it with its charts and keeps it in the history', {
      timeout: 90_000,
    }, async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
      await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
      await page.getByLabel('Report type').selectOption('EXECUTIVE_SUMMARY');
      await page.getByLabel('Format').selectOption('HTML');
      await page.getByRole('button', { name: 'Generate' }).click();
      const preview = page.frameLocator('iframe[title="Report preview"]');
      await pwExpect(preview.getByRole('heading', { name: 'Executive summary', level: 1 })).toBeVisible();
      await pwExpect(preview.locator('section[data-section="fleet"]')).toContainText('Fleet health');
      // No security scan has run on a fresh server: the section says so instead of showing a score of 0.
      await pwExpect(preview.locator('section[data-section="security"]')).toContainText('Section missing');
      await pwExpect(page.getByTestId('missing-sections')).toContainText('security');
      await pwExpect(page.getByRole('table', { name: 'Report history' })).toContainText('EXECUTIVE_SUMMARY');
      await page.screenshot({ path: `${artifacts}reports-page.png`, fullPage: true });
    });

    it('generates a PDF capacity plan offered as a download', { timeout: 90_000 }, async () => {
      await page.getByLabel('Report type').selectOption('CAPACITY_PLAN');
      await page.getByLabel('Format').selectOption('PDF');
      await page.getByRole('button', { name: 'Generate' }).click();
      await pwExpect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
        'href',
        /^data:application\/pdf;base64,JVBERi/,
      );
    });

    it('schedules the report in a time zone and lists its next run', { timeout: 90_000 }, async () => {
      await page.getByLabel('Schedule name').fill('weekly capacity');
      await page.getByLabel('Cron').fill('0 8 * * MON');
      await page.getByLabel('Time zone').fill('Europe/Berlin');
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      const row = page
        .getByRole('table', { name: 'Report schedules' })
        .getByRole('row')
        .filter({ hasText: 'weekly capacity' });
      await pwExpect(row).toContainText('0 8 * * MON (Europe/Berlin)');
      await pwExpect(row).toContainText(/T0[67]:00:00\.000Z/);
      await page.getByLabel('Cron').fill('every monday');
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await pwExpect(page.getByRole('alert')).toContainText('invalid cron expression');
    });

    it('draws the demo namespace and stores its architecture document', { timeout: 90_000 }, async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Docs', exact: true }).click();
      await page.getByRole('heading', { name: 'Documentation', exact: true }).waitFor();
      await page.getByLabel('Namespace').fill('todo');
      await page.getByRole('button', { name: 'Draw diagram' }).click();
      await pwExpect(page.getByTestId('architecture-svg')).toBeVisible();
      await pwExpect(page.locator('figcaption')).toContainText(/\d+ nodes, \d+ edges/);
      await page.getByRole('button', { name: 'Generate document' }).click();
      await pwExpect(page.getByTestId('doc-content')).toContainText('flowchart LR');
      await pwExpect(page.getByRole('table', { name: 'Generated documents' })).toContainText(
        'Architecture of namespace todo',
      );
      await page.screenshot({ path: `${artifacts}docs-page.png`, fullPage: true });
    });
  },
);

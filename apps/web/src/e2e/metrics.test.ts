import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 30_000 });

describe.runIf(chromiumRunnable)('metrics in the dashboard (real server, built-in sampler, real chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('charts node CPU and lists the pods using the most memory, on the explorer and the cluster page', {
    timeout: 120_000,
  }, async () => {
    await page.getByRole('link', { name: 'Metrics', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
    // No Prometheus is configured: no PromQL box, the named queries from the built-in sampler.
    await expect(page.getByLabel('PromQL query')).toHaveCount(0);
    const chart = page.getByRole('figure', { name: 'CPU used per node' });
    await expect(chart.getByTestId('time-series-chart').locator('canvas')).toBeVisible();
    // Three nodes in each of the two embedded clusters, and the demo cluster's GPU node.
    await expect(chart.getByTestId('time-series-chart')).toHaveAttribute('data-series', '7');
    await expect(chart.locator('.u-legend')).toContainText('sim-demo · node=');

    await page.getByLabel('Query').selectOption({ label: 'Top pods by memory (working set)' });
    const top = page.getByRole('table', { name: 'Top pods by memory (working set)' });
    await expect(
      top
        .getByRole('row')
        .filter({ hasText: /pod=backend-\S+/ })
        .first(),
    ).toContainText(/\d+(\.\d)? MiB/, { timeout: 60_000 });

    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('article', { name: 'sim-demo' }).getByRole('link', { name: /demo/i }).click();
    await page.getByRole('tab', { name: 'Metrics' }).click();
    await expect(
      page.getByRole('figure', { name: 'Memory used per node (working set)' }).locator('canvas'),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Top pods by CPU' }).getByRole('row').nth(1)).toContainText(/\d+m$/);
  });

  it("answers a metrics question on the Ask page with the named query's numbers, planning nothing", {
    timeout: 120_000,
  }, async () => {
    await page.getByRole('link', { name: 'Ask', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ask' })).toBeVisible();
    await page.getByLabel('Cluster').selectOption({ label: 'Simulated demo cluster' });
    await page.getByLabel('What should happen?').fill('which pods use the most memory');
    // The built-in sampler may not hold its first sample yet: ask again until the numbers are there.
    await expect(async () => {
      await page.getByRole('button', { name: 'Plan it' }).click();
      await expect(page.getByText('Top pods by memory (working set) on sim-demo')).toBeVisible({ timeout: 5_000 });
      await expect(
        page
          .getByRole('table', { name: 'Metric values' })
          .getByRole('row')
          .filter({ hasText: /pod=backend-\S+/ })
          .first(),
      ).toContainText(/\d+(\.\d)? MiB/, { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.locator('[data-testid="operation"]')).toHaveCount(0);
  });
});

import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findChromium, launchChromium } from './launchChromium.js';
import { type RunningOpspilot, startOpspilot } from './startOpspilot.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const chromiumPath = findChromium();
const runnable = chromiumPath !== undefined || process.env.CI === 'true';

describe.runIf(runnable)('the fleet in the dashboard (real server, real chromium)', () => {
  let server: RunningOpspilot | undefined;
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startOpspilot(repoRoot),
      launchChromium(chromiumPath ?? requireSystemTool('chromium')),
    ]);
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url);
    await page.getByLabel('Username').fill(server.username);
    await page.getByLabel('Password').fill(server.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  }, 55_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 20_000);

  it('shows both simulated clusters measured on the overview (broken lower), and pods live on the cluster page', {
    timeout: 90_000,
  }, async () => {
    const card = page.getByRole('article', { name: 'sim-demo' });
    await card
      .getByTestId('health-score')
      .filter({ hasText: /^\d+\/100$/ })
      .waitFor();
    await card.getByText('ONLINE', { exact: true }).waitFor();
    // The second simulated cluster runs the broken scenario: measured lower.
    const staging = page.getByRole('article', { name: 'sim-staging' });
    await staging.getByText('DEGRADED', { exact: true }).waitFor();
    const scoreOf = async (article: typeof card) =>
      Number.parseInt((await article.getByTestId('health-score').textContent()) ?? '', 10);
    const [demoScore, stagingScore] = [await scoreOf(card), await scoreOf(staging)];
    if (!(stagingScore < demoScore)) throw new Error(`sim-staging scored ${stagingScore}, sim-demo ${demoScore}`);
    await card.getByRole('link', { name: /demo/i }).click();
    await page.getByRole('heading', { level: 1, name: 'sim-demo' }).waitFor();
    await page
      .getByTestId('cluster-score')
      .filter({ hasText: /^\d+\/100$/ })
      .waitFor();
    const pods = page.getByRole('table', { name: 'Pods' });
    await pods.getByRole('columnheader', { name: 'RESTARTS' }).waitFor();
    await pods
      .getByRole('row')
      .filter({ hasText: /backend-\S+\s*1\/1\s*Running/ })
      .first()
      .waitFor();

    // A change made elsewhere shows up on this page without a reload.
    const other = await page.context().newPage();
    await other.goto(`${server?.url}/#/ask`);
    await other.getByLabel('Cluster').selectOption({ label: 'Simulated demo cluster' });
    await other.getByLabel('What should happen?').fill('scale backend to 3 replicas');
    await other.getByRole('button', { name: 'Plan it' }).click();
    await other.getByRole('button', { name: 'Approve and apply' }).click();
    await other.locator('[data-testid="operation"][data-state="APPLIED"]').waitFor({ timeout: 40_000 });
    await other.close();
    await pods
      .getByRole('row')
      .filter({ hasText: /backend-/ })
      .nth(2)
      .waitFor();
  });
});

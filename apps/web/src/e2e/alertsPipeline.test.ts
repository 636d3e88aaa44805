import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import { expect as playwrightExpect } from '@playwright/test';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { findChromium, launchChromium } from './launchChromium.js';
import {
  createApiToken,
  type RunningProcess,
  startAlertmanagerFor,
  startPrometheusFor,
  startSimForScraping,
} from './startObservability.js';
import { type RunningOpspilot, startOpspilot } from './startOpspilot.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const ruleFile = fileURLToPath(
  new URL('../../../../packages/observe/rules/opspilot-pipeline.rules.yml', import.meta.url),
);
const chromiumPath = findChromium();
const runnable = chromiumPath !== undefined || process.env.CI === 'true';
// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs time.
const expect = playwrightExpect.configure({ timeout: 60_000 });

describe.runIf(runnable)(
  'alerts end to end: Prometheus → Alertmanager → webhook → Alerts page (real binaries, Chromium)',
  () => {
    let server: RunningOpspilot | undefined;
    let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
    const daemons: RunningProcess[] = [];
    let page: Page;

    beforeAll(async () => {
      // Fail at once, naming the Debian package, when a binary is missing.
      const prometheus = requireSystemTool('prometheus');
      const alertmanager = requireSystemTool('alertmanager');
      [server, browser] = await Promise.all([
        startOpspilot(repoRoot, 150_000),
        launchChromium(chromiumPath ?? requireSystemTool('chromium')),
      ]);
      const token = await createApiToken(server.url, server.username, server.password, 'alertmanager');
      const [sim, am] = await Promise.all([
        startSimForScraping(repoRoot),
        startAlertmanagerFor(alertmanager, `${server.url}/api/webhooks/alertmanager?cluster=sim-demo`, token),
      ]);
      daemons.push(sim, am);
      daemons.push(await startPrometheusFor(prometheus, sim.url, ruleFile, am.url));
      page = await browser.context.newPage();
      page.setDefaultTimeout(30_000);
      await page.setViewportSize({ width: 1280, height: 900 });
    }, 300_000);

    // Each test stands alone: it starts signed in on a freshly loaded page.
    beforeEach(async () => {
      if (!server) throw new Error('no server');
      await page.context().clearCookies();
      await page.goto(server.url);
      await page.getByLabel('Username').fill(server.username);
      await page.getByLabel('Password').fill(server.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await Promise.all(daemons.map((d) => d.stop()));
      await server?.stop();
    }, 30_000);

    it('shows the shipped watchdog rule firing for the demo namespace, on the table and the timeline', {
      timeout: 180_000,
    }, async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();

      const table = page.getByRole('table', { name: 'Alerts' });
      const row = table.getByRole('row').filter({ hasText: 'OpspilotPipelineWatchdog' }).filter({ hasText: 'todo' });
      await expect(row).toBeVisible();
      await expect(row).toContainText('FIRING');
      await expect(row).toContainText('INFO');
      await expect(row).toContainText('sim-demo');
      await expect(row).toContainText('pods running in todo');
      await expect(
        page
          .getByTestId('alert-timeline')
          .getByText(/OpspilotPipelineWatchdog · firing/)
          .first(),
      ).toBeVisible();

      // Filters narrow the table: a label of another namespace hides the todo row, RESOLVED hides firing alerts.
      await page.getByLabel('Label').fill('namespace=todo');
      await expect(table.getByRole('row').filter({ hasText: 'OpspilotPipelineWatchdog' })).toHaveCount(1);
      await page.getByLabel('State').selectOption('RESOLVED');
      await expect(page.getByText('No alerts match.')).toBeVisible();
    });

    it("searches the demo cluster's logs with LogQL and follows new lines on the Logs page", {
      timeout: 180_000,
    }, async () => {
      if (!server) throw new Error('no server');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
      await page.getByLabel('LogQL query').fill('{namespace="todo", app="backend"} |= "GET"');
      const lines = page.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
      // The backend logs its first requests some time after it starts: search again until they are there.
      await expect(async () => {
        await page.getByRole('button', { name: 'Search' }).click();
        await expect(page.getByTestId('log-summary')).toContainText('sim-demo: SUCCESS', { timeout: 5_000 });
        await expect(lines.first()).toContainText(/sim-demo\/todo\/backend-.*GET/, { timeout: 5_000 });
      }).toPass({ timeout: 90_000 });

      await page.getByLabel('LogQL query').fill('{app="backend"} | json');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByRole('alert')).toContainText('position 17');

      await page.getByLabel('LogQL query').fill('{namespace="todo"}');
      await page.getByLabel('Follow').check();
      await expect(page.getByRole('heading', { name: 'Following' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Log lines' }).getByRole('listitem').first()).toContainText(
        /sim-(demo|staging)\/todo\//,
      );
    });
  },
);

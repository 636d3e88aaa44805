import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import { expect as playwrightExpect } from '@playwright/test';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findChromium, launchChromium } from './launchChromium.js';
import { type RunningOpspilot, startOpspilot } from './startOpspilot.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const chromiumPath = findChromium();
// Outside CI a machine without chromium skips; under CI=true beforeAll fails, naming the Debian package to install.
const runnable = chromiumPath !== undefined || process.env.CI === 'true';
// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 15_000 });

describe.runIf(runnable)('the Ask page answers "Which one did you mean?" (real server, real chromium)', () => {
  let server: RunningOpspilot | undefined;
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    // The dashboard was built (when stale) by the project's global setup, src/e2e/buildDashboard.ts.
    [server, browser] = await Promise.all([
      startOpspilot(repoRoot),
      launchChromium(chromiumPath ?? requireSystemTool('chromium')),
    ]);
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  }, 55_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 20_000);

  it('resends the original request with the picked object and plans it for that object', async () => {
    if (!server) throw new Error('no server');
    await page.goto(server.url);
    await page.getByLabel('Username').fill(server.username);
    await page.getByLabel('Password').fill(server.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask', exact: true }).click();

    // `end` matches both deployments of the demo's todo namespace: the planner asks instead of guessing.
    await page.getByLabel('What should happen?').fill('restart the end deployment');
    await page.getByRole('button', { name: 'Plan it' }).click();
    const question = page.getByRole('region', { name: 'Which one did you mean?' });
    await expect(question).toContainText('"end" matches 2 objects');
    await expect(question.getByRole('button')).toHaveText(['deployment/todo/backend', 'deployment/todo/frontend']);

    await question.getByRole('button', { name: 'deployment/todo/frontend' }).click();
    const operation = page.locator('[data-testid="operation"][data-state="NEEDS_REVIEW"]');
    await expect(operation.getByRole('tabpanel')).toContainText('kubectl rollout restart deployment/frontend -n todo');
    await expect(question).toBeHidden();
    // The request box still holds what was typed: the pick was sent beside it, not in its place.
    await expect(page.getByLabel('What should happen?')).toHaveValue('restart the end deployment');
  }, 60_000);
});

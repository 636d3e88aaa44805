import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const pwExpect = playwrightExpect.configure({ timeout: 30_000 });

describe.runIf(chromiumRunnable)('the cost page (real server, built-in sampler, chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cost', exact: true }).click();
    await page.getByRole('heading', { name: 'Cost', exact: true }).waitFor();
    await page.getByLabel('Window').selectOption('1h');
    await page.getByLabel('Step').selectOption('15s');
    await page.getByLabel('Minimum history').selectOption('1m');
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('charts and tables the cost per namespace, idle apart', { timeout: 90_000 }, async () => {
    const table = page.getByRole('table', { name: 'Cost per namespace' });
    await pwExpect(table.getByRole('row').filter({ hasText: /^todo/ })).toContainText(/\d+\.\d{4} USD/);
    await pwExpect(table).toContainText('idle (not requested)');
    await pwExpect(page.locator('.uplot').first()).toBeVisible();
  });

  it('plans a rightsizing recommendation for review once a minute of usage is known', {
    timeout: 200_000,
  }, async () => {
    const plan = page
      .getByRole('table', { name: 'Cost recommendations' })
      .getByRole('button', { name: 'Plan it' })
      .first();
    await plan.waitFor({ timeout: 180_000 });
    await plan.click();
    await pwExpect(page.getByTestId('planned')).toContainText('NEEDS_REVIEW');
  });

  it('keeps a budget and alerts the thresholds it reached', { timeout: 90_000 }, async () => {
    await page.getByLabel('Budget name').fill('todo-budget');
    await page.getByLabel('Namespace (empty: whole cluster)').fill('todo');
    await page.getByLabel('Monthly amount').fill('0.0001');
    await page.getByRole('button', { name: 'Save budget' }).click();
    await pwExpect(page.getByRole('table', { name: 'Budgets' })).toContainText('todo-budget');
    await page.getByRole('button', { name: 'Check now' }).click();
    await pwExpect(page.getByTestId('budget-notices')).toContainText(/ACTUAL\s*budget "todo-budget" reached 100 %/);
  });

  it('answers "how much does namespace todo cost per month" on the Ask page', { timeout: 90_000 }, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask', exact: true }).click();
    await page.getByLabel('What should happen?').fill('how much does namespace todo cost per month?');
    await page.getByRole('button', { name: 'Plan it' }).click();
    const answer = page.getByRole('region', { name: 'Cost answer' });
    await pwExpect(answer).toContainText('Understood: what namespace todo costs per month');
    await pwExpect(answer).toContainText(/namespace todo costs about \d+\.\d\d USD per month/);
  });
});

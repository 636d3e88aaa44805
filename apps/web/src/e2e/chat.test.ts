import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 30_000 });

describe.runIf(chromiumRunnable)('the chat page (real server, offline planner, chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat', exact: true }).click();
    await page.getByRole('heading', { name: 'Chat' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('answers with a persona, shows the tool call, and approves the proposed operation from the chat', {
    timeout: 120_000,
  }, async () => {
    // The picker shows each persona's tone and default cluster scope.
    const traits = page.getByTestId('persona-traits');
    await page.getByLabel('Persona').selectOption({ label: 'Security' });
    await expect(traits).toContainText('Tone: rigorous, risk-ranked · Clusters: every cluster you may see');
    await page.getByLabel('Persona').selectOption({ label: 'Developer' });
    await expect(traits).toContainText('Clusters: your default cluster');
    await page.getByLabel('Cluster').selectOption({ label: 'Simulated demo cluster' });
    await expect(page.getByText('Why is my app failing')).toBeVisible();
    await expect(traits).toContainText(
      'Tone: friendly, concrete, no jargon without explanation · Clusters: the one chosen',
    );

    await page.getByLabel('Your question').fill('scale deployment backend in todo to 3 replicas');
    await page.getByRole('button', { name: 'Send' }).click();
    const messages = page.getByRole('list', { name: 'Messages' });
    await expect(messages.locator('[data-role="user"]')).toHaveText('scale deployment backend in todo to 3 replicas');

    const call = messages.getByTestId('tool-call');
    await expect(call.locator('summary')).toContainText('propose_operation');
    await expect(call.locator('summary')).not.toContainText('running', { timeout: 90_000 });
    await call.locator('summary').click();
    // Opened: the input and the output (on a failure the assertion shows the tool's error).
    await expect(call).toContainText('"request": "scale deployment backend in todo to 3 replicas"');
    await expect(call).toContainText('NEEDS_REVIEW');
    await expect(call.locator('summary')).toContainText('SUCCESS');
    await expect(messages.locator('[data-role="assistant"]').last()).toContainText('waits for approval');

    const proposed = page.getByRole('region', { name: 'Proposed operation' });
    const operation = proposed.locator('[data-testid="operation"]');
    await expect(operation).toHaveAttribute('data-state', 'NEEDS_REVIEW');
    await expect(operation.getByRole('tabpanel')).toContainText(
      'kubectl scale deployment/backend -n todo --replicas=3',
    );
    await operation.getByRole('button', { name: 'Approve and apply' }).click();
    await expect(operation).toHaveAttribute('data-state', 'APPLIED', { timeout: 90_000 });
  });

  it('says when a question needs a language model', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByLabel('Persona').selectOption({ label: 'Executive' });
    await page.getByLabel('Your question').fill('write a haiku about our uptime');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('list', { name: 'Messages' }).locator('[data-role="assistant"]')).toContainText(
      'needs a language model',
    );
  });
});

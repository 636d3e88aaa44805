import { expect as playwrightExpect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 15_000 });

describe.runIf(chromiumRunnable)('the Ask page answers "Which one did you mean?" (real server, real chromium)', () => {
  let session: DashboardSession | undefined;

  beforeAll(async () => {
    session = await openDashboard();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('resends the original request with the picked object and plans it for that object', async () => {
    if (!session) throw new Error('no session');
    const { page } = session;
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

import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

const pwExpect = playwrightExpect.configure({ timeout: 30_000 });
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/e2e/', import.meta.url));
const fixtures = new URL('../../../../packages/delivery/src/', import.meta.url);
const SECRET = 'e2e-github-webhook-secret';

describe.runIf(chromiumRunnable)('the Runs & DORA and Tests pages (real server, simulated cluster, chromium)', () => {
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

  const sendWebhook = (body: string, signature: string) =>
    fetch(`${session!.server.url}/api/webhooks/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'workflow_run',
        'x-github-delivery': `e2e-${signature.slice(-8)}`,
        'x-hub-signature-256': signature,
      },
      body,
    });

  it('sets a webhook secret, refuses a wrongly signed run and shows a signed one live', {
    timeout: 90_000,
  }, async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Runs & DORA', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Runs & DORA', exact: true }).waitFor();
    await pwExpect(page.getByText('No pipeline runs yet')).toBeVisible();
    await page.getByLabel('CI system').selectOption('GITHUB');
    await page.getByLabel('Secret', { exact: true }).fill(SECRET);
    await page.getByRole('button', { name: 'Save secret' }).click();
    await pwExpect(page.getByRole('list', { name: 'Webhook sources' })).toContainText('github · default');

    const body = readFileSync(new URL('runs/__fixtures__/github-workflow_run-completed.json', fixtures), 'utf8');
    const bad = await sendWebhook(body, `sha256=${createHmac('sha256', 'wrong').update(body).digest('hex')}`);
    playwrightExpect(bad.status).toBe(401);
    const good = await sendWebhook(body, `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    playwrightExpect(good.status).toBe(202);

    const runs = page.getByRole('table', { name: 'Pipeline runs' });
    await pwExpect(runs).toContainText('acme/todo');
    await pwExpect(runs.getByRole('row')).toHaveCount(2);
    await pwExpect(runs).toContainText('SUCCEEDED');
    await pwExpect(runs).toContainText('3f2a9c1');
  });

  it('records the deployments of the simulated cluster and shows DORA figures for them', {
    timeout: 90_000,
  }, async () => {
    await page.getByRole('button', { name: 'Record deployments now' }).click();
    const deployments = page.getByRole('table', { name: 'Deployments' });
    await pwExpect(deployments.getByRole('row').nth(1)).toBeVisible();
    const dora = page.getByRole('table', { name: 'DORA metrics' });
    await pwExpect(dora.getByRole('row').nth(1)).toBeVisible();
    // The demo's workloads have no CI run: lead time says so instead of showing zero.
    await pwExpect(dora).toContainText('not enough data');
    await page.screenshot({ path: `${artifacts}runs-dora-page.png`, fullPage: true });
  });

  it('ingests two JUnit reports of one commit and lists the test that flipped as flaky', {
    timeout: 90_000,
  }, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tests', exact: true }).click();
    await page.getByRole('heading', { name: 'Tests', exact: true }).waitFor();
    const xml = readFileSync(new URL('tests/__fixtures__/nested-suites.xml', fixtures), 'utf8');
    const passing = `${artifacts}passing-report.xml`;
    writeFileSync(passing, xml.replace(/<failure[\s\S]*?<\/failure>/, ''));
    const failing = `${artifacts}failing-report.xml`;
    writeFileSync(failing, xml);
    const commit = '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';
    for (const [run, file] of [
      ['412', failing],
      ['412-retry', passing],
    ] as const) {
      await page.getByLabel('Pipeline').fill('CI');
      await page.getByLabel('Run').fill(run);
      await page.getByLabel('Commit').fill(commit);
      await page.getByLabel('JUnit XML').setInputFiles(file);
      await page.getByRole('button', { name: 'Ingest' }).click();
      await pwExpect(page.getByRole('status')).toContainText(`Stored 6 tests of run ${run}`);
    }
    await pwExpect(page.getByRole('table', { name: 'Test reports' }).getByRole('row')).toHaveCount(3);
    const flaky = page.getByRole('table', { name: 'Flaky tests' });
    await pwExpect(flaky).toContainText('rejects a duplicate email');
    await pwExpect(flaky).toContainText('passed and failed on 3f2a9c1');
    await page.getByLabel('Changed files').fill('api/src/user.ts');
    await page.getByRole('button', { name: 'Predict' }).click();
    await pwExpect(page.getByTestId('prediction')).toContainText('Not enough data');
    await page.screenshot({ path: `${artifacts}tests-page.png`, fullPage: true });
  });
});

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

  it('keeps a check_suite with its workflow run, links a late tag pipeline to the rollouts, and filters DORA by cluster', {
    timeout: 90_000,
  }, async () => {
    // GitHub's check_suite delivery for the workflow run sent above: the same run, not a second row.
    const suite = JSON.parse(
      readFileSync(new URL('runs/__fixtures__/github-check_suite-completed.json', fixtures), 'utf8'),
    ) as { check_suite: Record<string, unknown> };
    suite.check_suite.conclusion = 'success';
    suite.check_suite.updated_at = '2026-11-30T09:19:42Z';
    const suiteBody = JSON.stringify(suite);
    const merged = await fetch(`${session!.server.url}/api/webhooks/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'check_suite',
        'x-github-delivery': 'e2e-check-suite',
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(suiteBody).digest('hex')}`,
      },
      body: suiteBody,
    });
    playwrightExpect(merged.status).toBe(202);
    playwrightExpect(await merged.json()).toMatchObject({ created: false, merged_kind: 'CHECK_SUITE' });
    const runs = page.getByRole('table', { name: 'Pipeline runs' });
    await pwExpect(runs).toContainText('check suite 19004417733');
    await pwExpect(runs.getByRole('row')).toHaveCount(2);

    // A GitLab tag pipeline for v1.0 arrives after the demo's todo/*:1.0 rollouts were recorded: they link to it live.
    await page.getByLabel('CI system').selectOption('GITLAB');
    await page.getByLabel('Secret', { exact: true }).fill(`${SECRET}-gitlab`);
    await page.getByRole('button', { name: 'Save secret' }).click();
    await pwExpect(page.getByRole('list', { name: 'Webhook sources' })).toContainText('gitlab · default');
    const deployments = page.getByRole('table', { name: 'Deployments' });
    await pwExpect(deployments).toContainText('todo/backend:1.0');
    await pwExpect(deployments).not.toContainText('linked by tag');
    const pipeline = readFileSync(new URL('runs/__fixtures__/gitlab-pipeline-hook.json', fixtures), 'utf8').replaceAll(
      'v1.4.2',
      'v1.0',
    );
    const late = await fetch(`${session!.server.url}/api/webhooks/gitlab`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-gitlab-event': 'Pipeline Hook',
        'x-gitlab-token': `${SECRET}-gitlab`,
        'x-gitlab-event-uuid': 'e2e-late-tag-pipeline',
      },
      body: pipeline,
    });
    playwrightExpect(late.status).toBe(202);
    playwrightExpect((await late.json()).linked_deployments.length).toBeGreaterThan(0);
    await pwExpect(deployments.getByRole('row').filter({ hasText: 'todo/backend:1.0' })).toContainText('linked by tag');

    // DORA of one cluster: the select lists the registered clusters and the figures say whose they are.
    const dora = page.getByRole('table', { name: 'DORA metrics' });
    const clusterSelect = page.getByLabel('DORA cluster');
    const name = await clusterSelect.locator('option').nth(1).textContent();
    await clusterSelect.selectOption({ label: name ?? '' });
    await pwExpect(page.getByTestId('dora-scope')).toContainText(`cluster ${name}`);
    await pwExpect(dora.getByRole('row').nth(1)).toBeVisible();
    await page.screenshot({ path: `${artifacts}runs-dora-cluster.png`, fullPage: true });
    await clusterSelect.selectOption({ label: 'all clusters' });
    await pwExpect(page.getByTestId('dora-scope')).toHaveCount(0);
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

import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const pwExpect = playwrightExpect.configure({ timeout: 30_000 });

describe.runIf(chromiumRunnable)('the security page (real server, chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('heading', { name: 'Security' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('scans a cluster: score, namespaces with their PSS level, findings with evidence and fix', {
    timeout: 90_000,
  }, async () => {
    await page.getByLabel('Cluster').first().selectOption({ label: 'Simulated staging cluster (broken)' });
    await page.getByRole('button', { name: 'Scan now' }).click();
    await pwExpect(page.getByTestId('scan-result')).toContainText(/Score \d+(\.\d)? — \d+ findings/);
    const namespaces = page.getByRole('table', { name: 'Namespace posture' });
    await pwExpect(namespaces.getByRole('row').filter({ hasText: 'broken' })).toContainText(
      /privileged|baseline|restricted/,
    );
    const findings = page.getByRole('table', { name: 'Security findings' });
    await pwExpect(findings.getByRole('row').nth(1)).toContainText(/critical|high|medium|low/);
    await pwExpect(page.getByRole('table', { name: 'Cluster posture' })).toContainText('COMPLETED');
    await page.getByLabel('Framework').selectOption('CIS');
    await page.getByRole('button', { name: 'Check compliance' }).click();
    await pwExpect(page.getByTestId('compliance-score')).toContainText(/CIS Kubernetes Benchmark.*score \d+/);
    await pwExpect(page.getByRole('table', { name: 'Compliance controls' })).toContainText('5.2.2');
  });

  it('maps a plain-English policy, audits the cluster with it and saves it; offers the closest templates otherwise', {
    timeout: 90_000,
  }, async () => {
    const input = page.getByLabel('Policy in plain English');
    await input.fill('Pods must not run on Sundays');
    await page.getByRole('button', { name: 'Map to template' }).click();
    await pwExpect(page.getByTestId('policy-mapping')).toContainText('Not mapped');
    await input.fill('containers must set cpu and memory limits and requests');
    await page.getByRole('button', { name: 'Map to template' }).click();
    await pwExpect(page.getByTestId('policy-mapping')).toContainText('k8srequiredresources');
    await page.getByRole('button', { name: 'Audit cluster' }).click();
    await pwExpect(page.getByTestId('audit-lines')).toContainText(/VIOLATING: \w+\/[\w-]+\/[\w-]+ — |No violations\./);
    await page.getByLabel('Policy name').fill('resources-set');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await pwExpect(page.getByRole('table', { name: 'Saved policies' })).toContainText('resources-set');
    await page.getByLabel('Enforcement mode of resources-set').selectOption('warn');
    await page.getByRole('button', { name: 'Enforce resources-set' }).click();
    await pwExpect(page.getByTestId('enforce-proposed')).toContainText(
      /Proposed for review: operation \w+ \(NEEDS_REVIEW\)/,
    );
  });
});

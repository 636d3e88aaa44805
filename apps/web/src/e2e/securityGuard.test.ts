import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const pwExpect = playwrightExpect.configure({ timeout: 30_000 });
const TRIVY = new URL('../../../../packages/security/src/images/__fixtures__/trivy-report.json', import.meta.url)
  .pathname;

describe.runIf(chromiumRunnable)('the security page: fix, images, schedules, secrets (real server, chromium)', () => {
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

  it('proposes the fix of a finding for review with the Fix button', { timeout: 90_000 }, async () => {
    await page.getByLabel('Cluster').first().selectOption({ label: 'Simulated staging cluster (broken)' });
    await page.getByRole('button', { name: 'Scan now' }).click();
    await pwExpect(page.getByTestId('scan-result')).toContainText(/Score/);
    const findings = page.getByRole('table', { name: 'Security findings' });
    const fixable = findings
      .getByRole('row')
      .filter({ hasText: /privilege|root|seccomp|automount|read-only|host/i })
      .first();
    await fixable.getByRole('button', { name: /^Fix / }).click();
    await pwExpect(fixable.getByTestId('fix-proposed')).toContainText(
      /operation [0-9a-f]{8} \((NEEDS_REVIEW|INVALID)\)/,
    );
  });

  it('uploads a Trivy report, lists its vulnerabilities and saves the image gate', { timeout: 90_000 }, async () => {
    await page.getByLabel('Scanner report').setInputFiles(TRIVY);
    const scans = page.getByRole('table', { name: 'Image scans' });
    await pwExpect(scans).toContainText('ghcr.io/acme/api:1.4.0');
    await pwExpect(page.getByRole('table', { name: 'Vulnerabilities' })).toContainText('CVE-2099-0001');
    const gate = page.getByRole('form', { name: 'Image gate' });
    await gate.getByLabel('Gate: most severe tolerated').selectOption('high');
    await gate.getByLabel('Allowed advisories').fill('CVE-2099-0001');
    await gate.getByRole('button', { name: 'Save gate' }).click();
    await pwExpect(page.getByTestId('image-gate-state')).toContainText('gate on: ≤ high, 1 allowed');
  });

  it('adds a scheduled scan in a time zone and shows its next run', { timeout: 90_000 }, async () => {
    const form = page.getByRole('form', { name: 'New schedule' });
    await form.getByLabel('Cron').fill('30 3 * * 1');
    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Add schedule' }).click();
    const row = page.getByRole('table', { name: 'Scan schedules' }).getByRole('row').filter({ hasText: '30 3 * * 1' });
    await pwExpect(row).toContainText('Europe/Berlin');
    await form.getByLabel('Time zone').fill('Mars/Base');
    await form.getByRole('button', { name: 'Add schedule' }).click();
    await pwExpect(page.getByRole('alert').first()).toContainText(/time zone/i);
    await row.getByRole('button', { name: /Delete schedule/ }).click();
    await pwExpect(row).toHaveCount(0);
  });

  it('lists Secrets by age and proposes a rotation for review', { timeout: 90_000 }, async () => {
    await page.getByLabel('Cluster').first().selectOption({ label: 'Simulated demo cluster' });
    const row = page
      .getByRole('table', { name: 'Secret ages' })
      .getByRole('row')
      .filter({ hasText: 'todo/todo-secrets' });
    await pwExpect(row).toContainText(/\d+d \/ \d+d/);
    await row.getByRole('button', { name: 'Rotate todo/todo-secrets' }).click();
    await pwExpect(row.getByTestId('rotation-proposed')).toContainText(/operation [0-9a-f]{8} \(NEEDS_REVIEW\)/);
    await pwExpect(page.locator('body')).not.toContainText('change-me');
  });
});

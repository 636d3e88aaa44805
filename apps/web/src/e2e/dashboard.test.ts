import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { requireSystemTool } from '@opspilot/core/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from './launchChromium.js';
import { type RunningOpspilot, startOpspilot } from './startOpspilot.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/e2e/', import.meta.url));
const chromiumPath = findChromium();
// Outside CI a machine without chromium skips; under CI=true beforeAll fails, naming the Debian package to install.
const runnable = chromiumPath !== undefined || process.env.CI === 'true';

describe.runIf(runnable)('the dashboard end to end (real server, real chromium)', () => {
  let server: RunningOpspilot | undefined;
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const go = async (label: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
  };
  /** Signs in from a signed-out, freshly loaded page at the desktop size. */
  const signIn = async (beforeSubmit?: () => Promise<unknown>) => {
    if (!server) throw new Error('no server');
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in to opspilot' }).waitFor();
    await page.getByLabel('Username').fill(server.username);
    await page.getByLabel('Password').fill(server.password);
    await beforeSubmit?.();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  };
  /** Plans `request` on the Ask page and waits for it to need review. */
  const plan = async (request: string) => {
    await go('Ask');
    await page.getByLabel('What should happen?').fill(request);
    await page.getByRole('button', { name: 'Plan it' }).click();
    return page.locator('[data-testid="operation"][data-state="NEEDS_REVIEW"]').waitFor();
  };

  beforeAll(async () => {
    // The dashboard was built (when stale) by the project's global setup, src/e2e/buildDashboard.ts.
    mkdirSync(artifacts, { recursive: true });
    [server, browser] = await Promise.all([
      startOpspilot(repoRoot),
      launchChromium(chromiumPath ?? requireSystemTool('chromium')),
    ]);
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  }, 55_000);

  // Each test stands alone: it starts signed in on a fresh page and makes the state it reads (no test relies on another).
  beforeEach(() => signIn(), 20_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 20_000);

  it('signs in with the administrator printed on first start and shows the overview with the demo cluster', async () => {
    await signIn(() => shot('login'));
    await page.getByRole('article', { name: 'sim-demo' }).waitFor();
    await page.locator('[data-testid="live-status"][data-status="open"]').waitFor();
    await shot('overview');
  });

  it('plans "scale backend to 3 replicas", applies it once approved and shows three ready pods', async () => {
    await plan('scale backend to 3 replicas');
    await shot('ask-plan');
    await page.getByRole('tab', { name: 'Bash', selected: true }).waitFor();
    await page.getByRole('tabpanel').filter({ hasText: 'kubectl' }).waitFor();
    await page.getByRole('tab', { name: 'Bash' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'PowerShell', selected: true }).waitFor();
    await page.getByRole('button', { name: 'Approve and apply' }).click();
    await page.locator('[data-testid="operation"][data-state="APPLIED"]').waitFor({ timeout: 25_000 });
    await shot('ask-applied');

    await page.getByLabel('What should happen?').fill('show pods in todo');
    await page.getByRole('button', { name: 'Plan it' }).click();
    // The outcome of the scale above is on the page until the listing replaces it: wait for the listing itself.
    const runningBackends = async () =>
      ((await page.getByTestId('outcome').textContent()) ?? '').match(/todo\/backend-\S+\s+Running/g)?.length;
    await expect.poll(runningBackends, { timeout: 15_000 }).toBe(3);
    await shot('ask-pods');
  }, 45_000);

  it('finds the applied operation in the audit log and verifies the chain', async () => {
    await plan('scale frontend to 2 replicas');
    await page.getByRole('button', { name: 'Approve and apply' }).click();
    await page.locator('[data-testid="operation"][data-state="APPLIED"]').waitFor({ timeout: 25_000 });
    await go('Audit log');
    await page.getByLabel('Action').fill('operation.applied');
    await page.getByRole('cell', { name: 'operation.applied' }).first().waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/Chain intact: \d+ entries checked/).waitFor();
    await shot('audit');
  });

  it('shows a configuration generated by another user for review and sends it back with a comment', async () => {
    if (!server) throw new Error('no server');
    // Another user generates a manifest with the CLI into the same store; it waits in NEEDS_REVIEW.
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', 'generate', 'deployment', 'api image ghcr.io/acme/api:1.4 port 8080'],
      { cwd: repoRoot, env: { ...process.env, OPSPILOT_DATA_DIR: server.dataDir, OPSPILOT_USER: 'alice' } },
    );
    await go('Reviews');
    const card = page.getByRole('article', { name: 'k8s/api-deployment.yaml' });
    await card.filter({ hasText: 'NEEDS_REVIEW' }).waitFor();
    await card.getByLabel('Comments').fill('please pin a digest');
    await shot('reviews');
    await card.getByRole('button', { name: 'Request changes' }).click();
    await card.waitFor({ state: 'detached' });
  }, 60_000);

  it('shows analyzer findings and inline validation findings', async () => {
    await go('Findings');
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.getByRole('heading', { name: /^Problems \(/ }).waitFor({ timeout: 20_000 });
    await shot('findings');

    await go('Validate');
    await page
      .getByLabel('Content')
      .fill(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n',
      );
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('note').first().waitFor();
    await shot('validate');
  }, 40_000);

  it('switches to the dark theme and reflows for a phone', async () => {
    await go('Overview');
    // system -> light -> dark; each click waits for the one before it to show.
    await page.getByRole('button', { name: /Colour theme: system/ }).click();
    await page.getByRole('button', { name: /Colour theme: light/ }).click();
    await page.getByRole('button', { name: /Colour theme: dark/ }).waitFor();
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
    await shot('overview-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('overview-phone');
  });
});

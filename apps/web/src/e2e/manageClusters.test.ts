import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import { expect as playwrightExpect } from '@playwright/test';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findChromium, launchChromium } from './launchChromium.js';
import { freePort, type RunningOpspilot, startOpspilot } from './startOpspilot.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const chromiumPath = findChromium();
const runnable = chromiumPath !== undefined || process.env.CI === 'true';
// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 30_000 });

/** A second simulated cluster over TLS with a bearer token, as `opspilot sim serve` runs it, and its credentials. */
async function startSecondCluster(): Promise<{ url: string; token: string; caPem: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-e2e-second-'));
  const file = join(dir, 'kubeconfig.yaml');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'apps/cli/src/main.ts',
      'sim',
      'serve',
      '--port',
      String(port),
      '--scenario',
      'demo',
      '--kubeconfig-out',
      file,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await playwrightExpect.poll(() => /KUBECONFIG/.test(out) || child.exitCode !== null, { timeout: 90_000 }).toBe(true);
  if (child.exitCode !== null) throw new Error(`the simulated cluster exited:\n${out}`);
  const yaml = readFileSync(file, 'utf8');
  const field = (name: string) => new RegExp(`${name}:\\s*"?([^"\\s]+)`).exec(yaml)?.[1] ?? '';
  return {
    url: field('server'),
    token: field('token'),
    caPem: Buffer.from(field('certificate-authority-data'), 'base64').toString('utf8'),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.runIf(runnable)('cluster management in the dashboard (real server, real chromium)', () => {
  let server: RunningOpspilot | undefined;
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let second: Awaited<ReturnType<typeof startSecondCluster>> | undefined;
  let page: Page;

  beforeAll(async () => {
    // One after the other: on a loaded two-core machine three cold starts at once take minutes.
    server = await startOpspilot(repoRoot, 120_000);
    browser = await launchChromium(chromiumPath ?? requireSystemTool('chromium'));
    second = await startSecondCluster();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.getByLabel('Username', { exact: true }).fill(server.username);
    await page.getByLabel('Password', { exact: true }).fill(server.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await second?.stop();
  }, 30_000);

  it('adds a second cluster by API URL and token, sees it ONLINE, renames it and removes it', {
    timeout: 150_000,
  }, async () => {
    if (!second) throw new Error('no second cluster');
    // Reachable from the Overview (and from the navigation on every page).
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clusters', exact: true }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Manage clusters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Registered clusters' });
    await expect(table.getByRole('row', { name: 'sim-demo' })).toBeVisible();

    await page.getByRole('button', { name: 'Add cluster' }).click();
    const form = page.getByRole('form', { name: 'Add a cluster' });
    // Validation as typed: a bad name and a plain-http URL are named, nothing is sent.
    await form.getByLabel('Name', { exact: true }).fill('Second_Cluster');
    await form.getByLabel('API server URL', { exact: true }).fill('http://example');
    await form.getByRole('button', { name: 'Add cluster' }).click();
    await expect(form.getByText("3 to 63 lowercase letters, digits or '-'")).toBeVisible();
    await expect(form.getByText('an https:// URL')).toBeVisible();
    await expect(form.getByText('the service-account token is required')).toBeVisible();

    await form.getByLabel('Name', { exact: true }).fill('sim-second');
    await form.getByLabel('API server URL', { exact: true }).fill(second.url);
    await form.getByLabel('Token', { exact: true }).fill('not-the-token');
    await form.getByLabel('CA certificate (PEM)', { exact: true }).fill(second.caPem);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('region', { name: 'Connection test' })).toContainText(
      'Connection failed: UNAUTHORIZED',
    );
    await form.getByLabel('Token', { exact: true }).fill(second.token);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('region', { name: 'Connection test' })).toContainText('Connection OK');
    await form.getByRole('button', { name: 'Add cluster' }).click();
    await expect(form).toBeHidden();

    const row = table.getByRole('row', { name: 'sim-second' });
    await expect(row.getByText('ONLINE', { exact: true })).toBeVisible({ timeout: 60_000 });

    await row.getByRole('button', { name: 'Edit sim-second' }).click();
    const edit = page.getByRole('form', { name: 'Edit cluster sim-second' });
    await edit.getByLabel('Display name', { exact: true }).fill('Second simulated cluster');
    await edit.getByLabel('Labels (key=value, comma-separated)', { exact: true }).fill('team=platform');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText('Second simulated cluster');
    await expect(row).toContainText('team=platform');
    await expect(row.getByText('ONLINE', { exact: true })).toBeVisible();

    await row.getByRole('button', { name: 'Remove sim-second' }).click();
    await row.getByRole('button', { name: 'Confirm removing sim-second' }).click();
    await expect(row).toBeHidden();
    await expect(table.getByRole('row', { name: 'sim-demo' })).toBeVisible();
  });
});

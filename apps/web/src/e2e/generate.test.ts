import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const pwExpect = playwrightExpect.configure({ timeout: 30_000 });
const SHOP = fileURLToPath(
  new URL('../../../../packages/manifests/src/generate/__fixtures__/monorepos/polyglot-shop', import.meta.url),
);

/** A Go module with two programs (an HTTP API and a worker) in a folder written for the test. */
function goModuleWithPrograms(root: string): string {
  const dir = join(root, 'fleet-tools');
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('go.mod', 'module github.com/acme/fleet-tools\n\ngo 1.24.1\n');
  write(
    'cmd/api/main.go',
    'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8081", nil)\n}\n',
  );
  write('cmd/worker/main.go', 'package main\n\nfunc main() {\n\tselect {}\n}\n');
  return dir;
}

describe.runIf(chromiumRunnable)('the generate page: services of a project folder (real server, chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;
  const scratch = mkdtempSync(join(tmpdir(), 'opspilot-e2e-generate-'));

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate', exact: true }).click();
    await page.getByRole('heading', { name: 'Generate', exact: true }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    rmSync(scratch, { recursive: true, force: true });
  }, 20_000);

  it('lists the services of a monorepo and generates a chart for the ones ticked, own Dockerfiles validated', {
    timeout: 90_000,
  }, async () => {
    await page.getByLabel('Project folder').setInputFiles(SHOP);
    const services = page.getByRole('group', { name: 'Services' });
    await pwExpect(services).toContainText('5 services found: choose which to generate for');
    await pwExpect(services.getByRole('checkbox')).toHaveCount(5);
    await pwExpect(services).toContainText('own services/search/Dockerfile');
    for (const name of ['admin', 'web', 'payments']) {
      await services.getByRole('checkbox', { name, exact: true }).uncheck();
    }
    await page.getByLabel('Output').selectOption('helm-chart');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const files = page.getByRole('list', { name: 'Generated files' });
    await pwExpect(files).toContainText('charts/polyglot-shop/Chart.yaml');
    await pwExpect(page.getByText('files for server, search')).toBeVisible();
    await pwExpect(page.getByTestId('generate-verdict')).toContainText('valid: 0 errors');
    await pwExpect(page.getByTestId('own-dockerfiles')).toContainText('services/search/Dockerfile');
    // the generated files are stored for review, and the page links to the Reviews page where they wait
    const review = page.getByTestId('generate-review');
    await pwExpect(review).toContainText('sent for review');
    const link = review.getByRole('link', { name: 'review them' });
    await pwExpect(link).toHaveAttribute('href', '#/reviews');
    await pwExpect(page.getByRole('list', { name: 'Stored configurations' })).toContainText(
      'charts/polyglot-shop/Chart.yaml — NEEDS_REVIEW',
    );
    await link.click();
    await pwExpect(page.getByRole('heading', { name: 'Reviews', exact: true })).toBeVisible();
    await pwExpect(page.getByRole('article', { name: /^charts\/polyglot-shop\// }).first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate', exact: true }).click();
    await page.getByRole('heading', { name: 'Generate', exact: true }).waitFor();
  });

  it('yields each program of a Go module as a service and generates the Dockerfile of the one chosen', {
    timeout: 90_000,
  }, async () => {
    await page.getByLabel('Project folder').setInputFiles(goModuleWithPrograms(scratch));
    const services = page.getByRole('group', { name: 'Services' });
    await pwExpect(services).toContainText('2 services found');
    await pwExpect(services).toContainText('no listening port found in cmd/worker/');
    await services.getByRole('checkbox', { name: 'worker', exact: true }).uncheck();
    await page.getByLabel('Output').selectOption('dockerfile');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const files = page.getByRole('list', { name: 'Generated files' });
    await pwExpect(files).toContainText('cmd/api/Dockerfile');
    await pwExpect(files).not.toContainText('cmd/worker/Dockerfile');
    await pwExpect(page.getByText('-o /out/server ./cmd/api')).toBeVisible();
  });
});

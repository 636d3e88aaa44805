import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard, REPO_ROOT } from './dashboardSession.js';

const pwExpect = playwrightExpect.configure({ timeout: 30_000 });
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/e2e/', import.meta.url));
const TODO_APP = join(REPO_ROOT, 'packages', 'manifests', 'src', '__fixtures__', 'todo-app');

/** A repository with a tag and three conventional commits after it, made with the git binary. */
function testRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-e2e-notes-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  const commit = (message: string) => {
    writeFileSync(join(dir, 'file.txt'), `${message}\n`);
    git('add', 'file.txt');
    git('commit', '-q', '-m', message);
  };
  commit('chore: start');
  git('tag', 'v1.0.0');
  commit('feat(api): list todos by tag (#12)');
  commit('fix(web): keep the filter on reload');
  commit('feat!: drop the v1 API');
  return dir;
}

describe.runIf(chromiumRunnable)('the delivery page and report schedules (real server, chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;
  let repo: string;
  let plain: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    repo = testRepository();
    plain = mkdtempSync(join(tmpdir(), 'opspilot-e2e-plain-'));
    session = await openDashboard({
      defaultTimeoutMs: 30_000,
      startTimeoutMs: 180_000,
      env: { OPSPILOT_DELIVERY_REPOSITORIES: `${repo},${plain}` },
    });
    page = session.page;
  }, 240_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('lists a pipeline generated with the CLI, with its review state and schema result', {
    timeout: 120_000,
  }, async () => {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'apps/cli/src/main.ts', 'pipeline', 'generate', TODO_APP, '--ci', 'gitlab'],
      { cwd: REPO_ROOT, env: { ...process.env, OPSPILOT_DATA_DIR: session!.server.dataDir, OPSPILOT_USER: 'alice' } },
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Delivery', exact: true }).click();
    await page.getByRole('heading', { name: 'Delivery', exact: true }).waitFor();
    const row = page
      .getByRole('table', { name: 'Generated pipelines' })
      .getByRole('row')
      .filter({ hasText: '.gitlab-ci.yml' });
    await pwExpect(row).toContainText('GitLab CI');
    await pwExpect(row).toContainText('NEEDS_REVIEW');
    await pwExpect(row).toContainText('valid');
    // No chart was released on the fresh server: the releases panel says how to release one.
    await pwExpect(page.getByText('No chart was released here through opspilot')).toBeVisible();
  });

  it('writes release notes of a configured repository and says when a folder is not one', {
    timeout: 90_000,
  }, async () => {
    await page.getByLabel('Repository').selectOption(basename(repo));
    await page.getByRole('button', { name: 'Write release notes' }).click();
    await pwExpect(page.getByTestId('release-notes-summary')).toContainText(
      '3 commits from v1.0.0 to HEAD; 1 breaking',
    );
    await pwExpect(page.getByTestId('release-notes')).toContainText('list todos by tag');
    await pwExpect(page.getByTestId('release-notes')).toContainText('#12');
    await page.getByLabel('Since').fill('v1.0.0');
    await page.getByLabel('Until').fill('HEAD~2');
    await page.getByRole('button', { name: 'Write release notes' }).click();
    await pwExpect(page.getByTestId('release-notes-summary')).toContainText('1 commits from v1.0.0 to HEAD~2');
    await page.screenshot({ path: `${artifacts}delivery-page.png`, fullPage: true });
    await page.getByLabel('Repository').selectOption(basename(plain));
    await page.getByLabel('Since').fill('');
    await page.getByLabel('Until').fill('');
    await page.getByRole('button', { name: 'Write release notes' }).click();
    await pwExpect(page.getByRole('alert')).toContainText('is not a git repository');
  });

  it('changes, disables, enables and deletes a report schedule', { timeout: 90_000 }, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await page.getByLabel('Schedule name').fill('nightly');
    await page.getByLabel('Cron').fill('0 2 * * *');
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const row = page.getByRole('table', { name: 'Report schedules' }).getByRole('row').filter({ hasText: 'nightly' });
    await pwExpect(row).toContainText('0 2 * * * (UTC)');
    await row.getByRole('button', { name: 'Edit nightly' }).click();
    await page.getByLabel('Cron of nightly').fill('30 9 * * *');
    await page.getByLabel('Time zone of nightly').fill('Asia/Kolkata');
    await row.getByRole('button', { name: 'Save nightly' }).click();
    await pwExpect(row).toContainText('30 9 * * * (Asia/Kolkata)');
    // 09:30 in India is 04:00 UTC.
    await pwExpect(row).toContainText(/T04:00:00\.000Z/);
    await row.getByRole('button', { name: 'Disable nightly' }).click();
    await pwExpect(row).toContainText('disabled');
    await pwExpect(row.getByRole('cell', { name: '—' }).first()).toBeVisible();
    await row.getByRole('button', { name: 'Enable nightly' }).click();
    await pwExpect(row).toContainText('enabled');
    await pwExpect(row).toContainText(/T04:00:00\.000Z/);
    await row.getByRole('button', { name: 'Delete nightly' }).click();
    await pwExpect(row).toHaveCount(0);
  });
});

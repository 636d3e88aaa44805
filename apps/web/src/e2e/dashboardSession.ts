import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { findChromium, launchChromium } from './launchChromium.js';
import { type RunningOpspilot, startOpspilot } from './startOpspilot.js';

/** The repository's root, where `npm start` runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const chromiumPath = findChromium();

/**
 * Whether the Chromium end-to-end tests run: outside CI a machine without chromium skips them; under CI=true they
 * run and {@link openDashboard} fails naming the Debian package to install.
 */
export const chromiumRunnable = chromiumPath !== undefined || process.env.CI === 'true';

/** A server started as `npm start` starts it, a Chromium with a fresh profile, and one page in it. */
export interface DashboardSession {
  server: RunningOpspilot;
  browser: { context: BrowserContext; close: () => Promise<void> };
  page: Page;
  /** Closes the browser, then stops the server. */
  close: () => Promise<void>;
}

/**
 * Starts opspilot and Chromium side by side and opens a page at the desktop size with `defaultTimeoutMs` for every
 * action and the server's extra environment `env`; with `signedIn` (the default) it signs in as the administrator and waits for the Overview. The dashboard
 * was built (when stale) by the web project's global setup, `buildDashboard.ts`.
 */
export async function openDashboard(
  options: {
    signedIn?: boolean;
    defaultTimeoutMs?: number;
    env?: Record<string, string>;
    startTimeoutMs?: number;
  } = {},
): Promise<DashboardSession> {
  const [started, launched] = await Promise.allSettled([
    // Starting from TypeScript takes a while on a busy two-core machine.
    startOpspilot(REPO_ROOT, options.startTimeoutMs ?? 90_000, options.env),
    chromiumPath
      ? launchChromium(chromiumPath)
      : Promise.reject(
          new Error('chromium not found: install the Debian package `chromium` (apt-get install chromium)'),
        ),
  ]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    if (started.status === 'fulfilled') await started.value.stop();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const server = started.value;
  const browser = launched.value;
  const page = await browser.context.newPage();
  page.setDefaultTimeout(options.defaultTimeoutMs ?? 15_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const session = {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
  if (options.signedIn !== false) await signIn(page, server);
  return session;
}

/**
 * Signs in as the administrator from a signed-out page (cookies cleared, the app loaded afresh) and waits for the
 * Overview; `beforeSubmit` runs with the form filled in, before it is sent.
 */
export async function signIn(
  page: Page,
  server: RunningOpspilot,
  beforeSubmit?: () => Promise<unknown>,
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Sign in to opspilot' }).waitFor();
  await page.getByLabel('Username').fill(server.username);
  await page.getByLabel('Password').fill(server.password);
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

import { randomBytes } from 'node:crypto';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 30_000 });

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** An OTLP/JSON export of one request checkout → payments → ledger-db, `ms` long, failing in payments when `fail`. */
function exportOf(ms: number, fail: boolean) {
  const traceId = hex(16);
  const [fe, be, db] = [hex(8), hex(8), hex(8)];
  const t = Date.now() - 60_000;
  const span = (
    service: string,
    spanId: string,
    parent: string | undefined,
    name: string,
    from: number,
    to: number,
    error?: string,
  ) => ({
    resource: { attributes: [kv('service.name', service)] },
    scopeSpans: [
      {
        spans: [
          {
            traceId,
            spanId,
            ...(parent ? { parentSpanId: parent } : {}),
            name,
            kind: 2,
            startTimeUnixNano: nanos(t + from),
            endTimeUnixNano: nanos(t + to),
            attributes: [{ key: 'http.response.status_code', value: { intValue: error ? 500 : 200 } }],
            status: error ? { code: 2, message: error } : { code: 1 },
          },
        ],
      },
    ],
  });
  return {
    traceId,
    body: {
      resourceSpans: [
        span('checkout', fe, undefined, 'POST /pay', 0, ms, fail ? 'HTTP 500' : undefined),
        span('payments', be, fe, 'POST /charge', ms / 10, (ms * 9) / 10, fail ? 'upstream timeout' : undefined),
        span('ledger-db', db, be, 'INSERT charge', ms / 5, ms / 2),
      ],
    },
  };
}

describe.runIf(chromiumRunnable)('traces in the dashboard (real server and OTLP receiver, real chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;
  const slow = exportOf(1_800, true);
  const quick = exportOf(30, false);

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
    for (const { body } of [slow, quick]) {
      const answer = await fetch(`${session.server.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.server.token}` },
        body: JSON.stringify(body),
      });
      if (answer.status !== 200) throw new Error(`the receiver answered ${answer.status}: ${await answer.text()}`);
    }
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('finds the failing trace by tag and duration and shows its spans as a waterfall', {
    timeout: 120_000,
  }, async () => {
    await page.getByRole('link', { name: 'Traces', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Traces' });
    // The embedded clusters' own apps send traces all the time: look at this test's service only.
    await page.getByLabel('Service').fill('checkout');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(table.getByRole('row').filter({ hasText: quick.traceId.slice(0, 16) })).toContainText('30 ms');

    await page.getByLabel('Tags').fill('error=true');
    await page.getByLabel('Min duration (ms)').fill('1000');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    const row = table.getByRole('row').nth(1);
    await expect(row).toContainText('checkout: POST /pay');
    await expect(row).toContainText('1800 ms');
    await expect(row).toContainText('errors');

    await row.getByRole('button', { name: slow.traceId.slice(0, 16) }).click();
    await expect(page.getByTestId('trace-summary')).toHaveText(
      'checkout: POST /pay · 1800 ms · 3 spans in 3 services · with errors',
    );
    const waterfall = page.getByRole('list', { name: 'Span waterfall' });
    await expect(waterfall.getByRole('listitem')).toHaveCount(3);
    await expect(waterfall.getByRole('listitem').nth(1)).toContainText('payments POST /charge');
    await expect(waterfall.getByRole('listitem').nth(1)).toHaveAttribute('data-status', 'ERROR');
    // The payments span starts a tenth into the trace and lasts 80% of it.
    const bar = waterfall.getByRole('listitem').nth(1).getByTestId('span-bar');
    await expect(bar).toHaveAttribute('style', /left: 10%; width: 80%/);
    await waterfall.getByRole('listitem').nth(1).getByRole('button').click();
    const details = page.getByRole('region', { name: 'Span details' });
    await expect(details).toContainText('otel.status_description');
    await expect(details).toContainText('upstream timeout');
    await expect(page).toHaveURL(new RegExp(`traces\\?trace=${slow.traceId}`));
  });

  it('shows a trace received over OTLP while the page is open, without a reload (TRACE_RECEIVED)', {
    timeout: 120_000,
  }, async () => {
    if (!session) throw new Error('no session');
    await page.getByRole('link', { name: 'Traces', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'open');
    await page.getByLabel('Tags').fill('');
    await page.getByLabel('Min duration (ms)').fill('');
    await page.getByLabel('Service').fill('checkout');
    await page.getByRole('button', { name: 'Search' }).click();
    const table = page.getByRole('table', { name: 'Traces' });
    await expect(table.getByRole('row').filter({ hasText: quick.traceId.slice(0, 16) })).toBeVisible();
    // A new export each attempt: the socket may take a moment to be subscribed after it opens.
    await expect(async () => {
      const late = exportOf(40, false);
      const answer = await fetch(`${session?.server.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session?.server.token}` },
        body: JSON.stringify(late.body),
      });
      playwrightExpect(answer.status).toBe(200);
      await expect(table.getByRole('row').filter({ hasText: late.traceId.slice(0, 16) })).toContainText('40 ms', {
        timeout: 15_000,
      });
    }).toPass({ timeout: 90_000 });
  });
});

import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 30_000 });

// Whole minutes before the test started, so the firings' durations come out exact however slowly it runs.
const started = Math.floor(Date.now() / 60_000) * 60_000;
const minutesAgo = (m: number) => new Date(started - m * 60_000).toISOString();

/** An Alertmanager webhook notification (version 4) of the alert FlappingDemo in `status`, started at `startsAt`. */
function notification(status: 'firing' | 'resolved', startsAt: string, endsAt: string) {
  const labels = { alertname: 'FlappingDemo', severity: 'warning', namespace: 'todo' };
  return {
    version: '4',
    groupKey: '{}:{alertname="FlappingDemo"}',
    truncatedAlerts: 0,
    status,
    receiver: 'opspilot',
    groupLabels: { alertname: 'FlappingDemo' },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status,
        labels,
        annotations: { summary: 'the backend flaps' },
        startsAt,
        endsAt,
        generatorURL: 'http://prometheus:9090/graph',
        fingerprint: 'flap0001',
      },
    ],
  };
}

describe.runIf(chromiumRunnable)('the firing history of an alert (real server, real chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  /** Posts a notification and waits until opspilot stored it (the webhook answers 202 and stores in order). */
  const send = async (body: ReturnType<typeof notification>) => {
    const answer = await fetch(`${session?.server.url}/api/webhooks/alertmanager?cluster=sim-demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session?.server.token}` },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`the webhook answered ${answer.status}: ${await answer.text()}`);
    const [sent] = body.alerts;
    await playwrightExpect
      .poll(
        async () => {
          const list = await fetch(`${session?.server.url}/api/v1/alerts?alertname=FlappingDemo`, {
            headers: { authorization: `Bearer ${session?.server.token}` },
          });
          const [stored] = (await list.json()).items ?? [];
          return stored ? `${stored.state} ${Date.parse(stored.starts_at)}` : 'none';
        },
        { timeout: 30_000 },
      )
      .toBe(`${sent?.status.toUpperCase()} ${Date.parse(sent?.startsAt ?? '')}`);
  };

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
    // Fired 50 minutes ago, resolved 10 minutes later (notified twice), fired again 15 minutes ago.
    const first = minutesAgo(50);
    await send(notification('firing', first, '0001-01-01T00:00:00Z'));
    await send(notification('firing', first, '0001-01-01T00:00:00Z')); // the same firing, notified again
    await send(notification('resolved', first, minutesAgo(40)));
    await send(notification('firing', minutesAgo(15), '0001-01-01T00:00:00Z'));
  }, 300_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('opens an alert from the table and shows each firing on a timeline, the re-fire still open', {
    timeout: 120_000,
  }, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Alerts' });
    const row = table.getByRole('row').filter({ hasText: 'FlappingDemo' });
    // The webhook's alerts are stored in the background: the list follows within a few seconds.
    await expect(row).toContainText('FIRING');
    await row.getByRole('button', { name: 'FlappingDemo' }).click();

    const history = page.getByRole('region', { name: 'Firing history of FlappingDemo' });
    await expect(history.getByTestId('firing-summary')).toHaveText('flap0001 on sim-demo: fired 2 times, firing now');
    const firings = history.getByRole('list', { name: 'Firings' }).getByRole('listitem');
    await expect(firings).toHaveCount(2);
    await expect(firings.nth(0)).toContainText('#1');
    await expect(firings.nth(0)).toContainText('10m 0s');
    await expect(firings.nth(0)).toHaveAttribute('data-state', 'RESOLVED');
    await expect(firings.nth(1)).toContainText('still firing');
    await expect(firings.nth(1)).toHaveAttribute('data-state', 'FIRING');
    await expect(history.getByRole('figure', { name: 'Firing timeline' }).getByTestId('firing-bar')).toHaveCount(2);
    await expect(page).toHaveURL(/alerts\?alert=[0-9a-f-]{36}/);

    // It resolves again while the history is open: the panel follows without a reload.
    await send(notification('resolved', minutesAgo(15), minutesAgo(1)));
    await expect(history.getByTestId('firing-summary')).toHaveText('flap0001 on sim-demo: fired 2 times, resolved now');
    await expect(firings.nth(1)).toHaveAttribute('data-state', 'RESOLVED');

    await history.getByRole('button', { name: 'Close' }).click();
    await expect(history).toHaveCount(0);
  });
});

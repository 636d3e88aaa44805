import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AnomalyDetection } from '@opspilot/core';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard, REPO_ROOT } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const pwExpect = playwrightExpect.configure({ timeout: 30_000 });

describe.runIf(chromiumRunnable)('anomalies in the dashboard (real server, built-in sampler, real chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 30_000 });
    page = session.page;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  const api = async (path: string) => {
    const response = await fetch(`${session!.server.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${session!.server.token}` },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  };

  it('lists a detected anomaly with its explanation and charts its series with the moment marked', {
    timeout: 120_000,
  }, async () => {
    const clusters = await api('/clusters');
    const demo = clusters.items.find((c: { name: string }) => c.name === 'sim-demo');
    // The built-in sampler holds a few samples of the demo cluster's nodes.
    let node = '';
    await expect
      .poll(
        async () => {
          const end = new Date();
          const answer = await api(
            `/metrics/named?name=node-cpu&cluster_ids=${demo.id}&start_time=${new Date(end.getTime() - 600_000).toISOString()}&end_time=${end.toISOString()}&step=15s`,
          );
          const series = answer.results[0]?.data?.[0];
          node = series?.metric.node ?? '';
          return series?.values.length ?? 0;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(1);

    // The anomaly scan stores what it finds in the server's store; here one is recorded as it would be, by a
    // script beside the server (the dashboard's tests see the server only from outside).
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'apps/server/src/testing/recordAnomaly.ts',
        JSON.stringify({
          sqlite_path: join(session!.server.dataDir, 'opspilot.db'),
          cluster_id: demo.id,
          signal: 'node-cpu',
          labels: { node },
          episode: {
            time: Math.floor(Date.now() / 1000) - 30,
            type: 'SPIKE',
            direction: 1,
            score: 0.98,
            actual: 2.4,
            expected: 0.6,
            normal: 0.6,
            normalScale: 0.02,
            deviations: 90,
          },
        }),
      ],
      { cwd: REPO_ROOT },
    );
    const anomaly = JSON.parse(stdout) as AnomalyDetection;

    // Its series, as the API charts it, gains a point with each sample.
    await expect
      .poll(async () => (await api(`/anomalies/${anomaly.id}/series`)).points.length, { timeout: 60_000 })
      .toBeGreaterThan(1);

    await page.getByRole('link', { name: 'Anomalies', exact: true }).click();
    await pwExpect(page.getByRole('heading', { level: 1, name: 'Anomalies' })).toBeVisible();
    const row = page
      .getByRole('table', { name: 'Anomalies' })
      .getByRole('row')
      .filter({ hasText: `node ${node}` });
    await pwExpect(row).toContainText('SPIKE');
    await pwExpect(row).toContainText('HIGH');
    await pwExpect(row).toContainText(`Node CPU of node ${node} jumped to 2.4 cores (4.0× the expected`);

    await row.getByRole('button', { name: 'Chart' }).click();
    await pwExpect(page).toHaveURL(new RegExp(`/anomalies\\?id=${anomaly.id}$`));
    const detail = page.getByTestId('anomaly-detail');
    await pwExpect(detail).toContainText('robust deviations above normal');
    const chart = detail.getByRole('figure', { name: `node CPU of node ${node}` }).getByTestId('time-series-chart');
    await pwExpect(chart.locator('canvas')).toBeVisible();
    await pwExpect(chart).toHaveAttribute('data-series', '1');
    await pwExpect(chart).toHaveAttribute('data-markers', '1');

    await page.getByLabel('Severity').selectOption('LOW');
    await pwExpect(page.getByText('No anomalies match.')).toBeVisible();
  });
});

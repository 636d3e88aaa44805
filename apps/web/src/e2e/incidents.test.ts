import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const pwExpect = playwrightExpect.configure({ timeout: 60_000 });

describe.runIf(chromiumRunnable)('incidents in the dashboard (real server, simulated cluster, real chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ defaultTimeoutMs: 60_000 });
    page = session.page;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${session!.server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${session!.server.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  };

  it('shows one incident for signals on two pods, acknowledges it, runs a runbook with approval, resolves it and shows its post-mortem', {
    timeout: 240_000,
  }, async () => {
    const clusters = await api('GET', '/clusters');
    const demo = clusters.items.find((c: { name: string }) => c.name === 'sim-demo');
    const at = new Date().toISOString();
    await api('POST', '/incidents/correlate', {
      signals: ['frontend-a', 'frontend-b'].map((pod, i) => ({
        source: 'ALERT',
        fingerprint: `e2e-${i}`,
        cluster_id: demo.id,
        title: 'frontend answers slowly',
        severity: 'HIGH',
        state: 'FIRING',
        labels: { alertname: 'HighLatency', namespace: 'todo', deployment: 'frontend', pod },
        at,
      })),
    });

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    const rows = page.getByRole('table', { name: 'Incidents' }).getByRole('row');
    await pwExpect(rows).toHaveCount(2); // the header and one incident, not one per pod
    await pwExpect(rows.nth(1)).toContainText('OPEN');
    await rows
      .nth(1)
      .getByRole('link', { name: /frontend answers slowly/ })
      .click();

    await pwExpect(page.getByText('Signals: 2 (2 firing)')).toBeVisible();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await pwExpect(page.getByTestId('incident-phase')).toHaveText('ACKNOWLEDGED');

    await page.getByRole('button', { name: 'Analyze' }).click();
    await pwExpect(page.getByRole('list', { name: 'Timeline' })).toContainText('analysis');

    await page.getByLabel('Runbook to run').selectOption('scale-out');
    await page.getByLabel('Parameters').fill('namespace=todo workload=frontend');
    await page.getByRole('button', { name: 'Run runbook' }).click();
    const run = page.getByRole('region', { name: 'Run of scale-out' });
    await pwExpect(run.getByTestId('run-status')).toHaveText('AWAITING_APPROVAL');
    await pwExpect(run).toContainText('scale deployment/frontend in todo from 2 to 4');
    await run.getByRole('button', { name: 'Approve scale' }).click();
    await pwExpect(run.getByTestId('run-status')).toHaveText('SUCCEEDED', { timeout: 150_000 });

    await page.getByRole('button', { name: 'Resolve' }).click();
    await pwExpect(page.getByTestId('incident-phase')).toHaveText('RESOLVED');
    await page.getByRole('button', { name: 'Generate post-mortem' }).click();
    const pm = page.getByTestId('post-mortem');
    await pwExpect(pm.getByRole('heading', { level: 1 })).toContainText('Post-mortem: frontend answers slowly');
    await pwExpect(pm).toContainText('Runbook scale-out (SUCCEEDED');
    await pwExpect(pm).toContainText('Affected objects: Pod/todo/frontend-a, Pod/todo/frontend-b');
  });
  it("shows when a finding's cause was first seen, and marks its incident recurring ×2 when the cause is back after being resolved", {
    timeout: 120_000,
  }, async () => {
    const clusters = await api('GET', '/clusters');
    const demo = clusters.items.find((c: { name: string }) => c.name === 'sim-demo');
    const firstSeen = new Date(Date.now() - 2 * 3600_000).toISOString();
    const identity = 'pod-crash-loop:deployment/todo/e2e-worker';
    const correlate = async () =>
      (
        await api('POST', '/incidents/correlate', {
          signals: [
            {
              source: 'FINDING',
              fingerprint: identity,
              cluster_id: demo.id,
              title: 'e2e-worker crash-loops',
              severity: 'HIGH',
              state: 'FIRING',
              resource: { kind: 'Deployment', namespace: 'todo', name: 'e2e-worker' },
              labels: { analyzer: 'pod-crash-loop' },
              at: new Date().toISOString(),
              sighting: { identity, first_seen: firstSeen, last_seen: new Date().toISOString(), runs: 4 },
            },
          ],
        })
      )[0];
    const first = await correlate();
    expect(first).toMatchObject({ detected_at: firstSeen, first_seen: firstSeen, recurring: false });
    await api('POST', `/incidents/${first.id}/resolve`, { root_cause: 'worker restarted' });
    await api('POST', `/incidents/${first.id}/close`, {});
    const again = await correlate();
    expect(again).toMatchObject({ recurring: true, occurrences: 2 });

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    const row = page
      .getByRole('table', { name: 'Incidents' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /e2e-worker crash-loops/ }) });
    await pwExpect(row).toHaveCount(1); // the closed first occurrence is not active
    await pwExpect(row).toContainText('recurring ×2');
    await pwExpect(row).toContainText(firstSeen.replace('T', ' ').slice(0, 19));
    await row.getByRole('link', { name: /e2e-worker crash-loops/ }).click();
    await pwExpect(page.getByTestId('incident-cause')).toContainText(identity);
    await pwExpect(page.getByTestId('incident-cause')).toContainText('seen in 2 incidents');
    await pwExpect(page.getByRole('list', { name: 'Timeline' })).toContainText(
      `recurring: seen 2 times since ${firstSeen}`,
    );
  });
  it('filters the list to recurring incidents or first occurrences, keeping the filter in the URL across a reload', {
    timeout: 120_000,
  }, async () => {
    const clusters = await api('GET', '/clusters');
    const demo = clusters.items.find((c: { name: string }) => c.name === 'sim-demo');
    const finding = (name: string) => ({
      source: 'FINDING',
      fingerprint: `pod-crash-loop:deployment/todo/${name}`,
      cluster_id: demo.id,
      title: `${name} crash-loops`,
      severity: 'HIGH',
      state: 'FIRING',
      resource: { kind: 'Deployment', namespace: 'todo', name },
      labels: { analyzer: 'pod-crash-loop' },
      at: new Date().toISOString(),
    });
    // e2e-flaky comes back after its first incident was closed (recurring ×2); e2e-once is a first occurrence.
    const [flaky] = await api('POST', '/incidents/correlate', { signals: [finding('e2e-flaky')] });
    await api('POST', `/incidents/${flaky.id}/resolve`, {});
    await api('POST', `/incidents/${flaky.id}/close`, {});
    const [back] = await api('POST', '/incidents/correlate', { signals: [finding('e2e-flaky')] });
    expect(back).toMatchObject({ recurring: true, occurrences: 2 });
    await api('POST', '/incidents/correlate', { signals: [finding('e2e-once')] });

    // The dashboard routes by the URL's hash: `#/incidents?recurring=true`.
    const hashParams = () => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    const table = page.getByRole('table', { name: 'Incidents' });
    const rowOf = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(`${name} crash-loops`) }) });
    await pwExpect(rowOf('e2e-once')).toHaveCount(1);
    await pwExpect(rowOf('e2e-flaky')).toHaveCount(1);

    await page.getByLabel('Recurring').selectOption('true');
    await pwExpect(rowOf('e2e-once')).toHaveCount(0);
    await pwExpect(rowOf('e2e-flaky')).toContainText('recurring ×2');
    // Every row left is a recurring one: only the header row has no badge.
    await pwExpect(table.getByRole('row').filter({ hasNot: page.getByText(/recurring ×\d+/) })).toHaveCount(1);
    await expect.poll(() => hashParams().get('recurring'), { timeout: 60_000 }).toBe('true');

    await page.reload();
    await pwExpect(page.getByLabel('Recurring')).toHaveValue('true');
    await pwExpect(rowOf('e2e-flaky')).toHaveCount(1);
    await pwExpect(rowOf('e2e-once')).toHaveCount(0);

    await page.getByLabel('Recurring').selectOption('false');
    await pwExpect(rowOf('e2e-once')).toHaveCount(1);
    await pwExpect(rowOf('e2e-flaky')).toHaveCount(0);
    await pwExpect(table.getByText(/recurring ×\d+/)).toHaveCount(0);
    await expect.poll(() => hashParams().get('recurring'), { timeout: 60_000 }).toBe('false');

    await page.getByLabel('Recurring').selectOption('');
    await pwExpect(rowOf('e2e-flaky')).toHaveCount(1);
    await expect.poll(() => hashParams().has('recurring'), { timeout: 60_000 }).toBe(false);
  });
  it('counts an incident reopened within the window as a recurrence: recurring ×2 in the list, the reopen on its timeline', {
    timeout: 120_000,
  }, async () => {
    const clusters = await api('GET', '/clusters');
    const demo = clusters.items.find((c: { name: string }) => c.name === 'sim-demo');
    // An alert pushed without a sighting: its cause is derived from it (alertname + the Deployment its labels name).
    const alert = (state: 'FIRING' | 'CLEARED') => ({
      source: 'ALERT',
      fingerprint: 'e2e-reopen',
      cluster_id: demo.id,
      title: 'e2e-cart answers 500s',
      severity: 'HIGH',
      state,
      labels: { alertname: 'HighErrorRate', namespace: 'todo', deployment: 'e2e-cart', pod: 'e2e-cart-5f6-x' },
      at: new Date().toISOString(),
    });
    const [opened] = await api('POST', '/incidents/correlate', { signals: [alert('FIRING')] });
    expect(opened).toMatchObject({ cause_identity: 'HighErrorRate:deployment/todo/e2e-cart', recurring: false });
    await api('POST', '/incidents/correlate', { signals: [alert('CLEARED')] });
    await api('POST', `/incidents/${opened.id}/resolve`, { root_cause: 'restarted' });
    const [reopened] = await api('POST', '/incidents/correlate', { signals: [alert('FIRING')] });
    expect(reopened).toMatchObject({ id: opened.id, status: 'DETECTED', recurring: true, occurrences: 2 });

    await page.goto(new URL('/#/incidents?recurring=true', session!.server.url).href);
    const row = page
      .getByRole('table', { name: 'Incidents' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /e2e-cart answers 500s/ }) });
    await pwExpect(row).toContainText('recurring ×2');
    await row.getByRole('link', { name: /e2e-cart answers 500s/ }).click();
    await pwExpect(page.getByTestId('incident-phase')).toHaveText('OPEN');
    await pwExpect(page.getByRole('list', { name: 'Timeline' })).toContainText(
      `reopened: "e2e-cart answers 500s" fired again; recurring: seen 2 times since ${opened.first_seen}`,
    );
  });
  it('shows a new incident without a reload, charts its signals with the anomaly marked, and follows its timeline live', {
    timeout: 180_000,
  }, async () => {
    const clusters = await api('GET', '/clusters');
    const demo = clusters.items.find((c: { name: string }) => c.name === 'sim-demo');
    // The built-in sampler holds a few samples of the backend's pods.
    let pod = '';
    await expect
      .poll(
        async () => {
          const end = new Date();
          const answer = await api(
            'GET',
            `/metrics/named?name=top-pods-by-cpu&cluster_ids=${demo.id}&start_time=${new Date(end.getTime() - 600_000).toISOString()}&end_time=${end.toISOString()}&step=15s&instant=false`,
          );
          const series = answer.results[0]?.data?.find((s: { metric: { pod?: string } }) =>
            s.metric.pod?.startsWith('backend-'),
          );
          pod = series?.metric.pod ?? '';
          return series?.values.length ?? 0;
        },
        { timeout: 90_000 },
      )
      .toBeGreaterThan(1);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await pwExpect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    const at = new Date(Date.now() - 60_000).toISOString();
    await api('POST', '/incidents/correlate', {
      signals: [
        {
          source: 'ANOMALY',
          fingerprint: 'e2e-anomaly-backend-cpu',
          cluster_id: demo.id,
          title: 'backend CPU jumped',
          severity: 'HIGH',
          state: 'FIRING',
          labels: { signal: 'pod-cpu', namespace: 'todo', pod, workload: 'backend' },
          resource: { kind: 'Pod', namespace: 'todo', name: pod },
          at,
        },
      ],
    });
    // No polling any more: the INCIDENT_OPENED event brings it onto the open page.
    const link = page.getByRole('link', { name: /backend CPU jumped/ });
    await pwExpect(link).toBeVisible({ timeout: 30_000 });
    await link.click();

    const chart = page
      .getByTestId('incident-charts')
      .getByRole('figure', { name: 'CPU' })
      .getByTestId('time-series-chart');
    await pwExpect(chart.locator('canvas')).toBeVisible();
    await pwExpect(chart).toHaveAttribute('data-series', '2'); // the backend's two pods, not the others
    await pwExpect(chart).toHaveAttribute('data-markers', '2'); // the anomaly and the detection

    // Something done to it elsewhere shows up on the open page (INCIDENT_UPDATED).
    const [incident] = (await api('GET', '/incidents')).items.filter((i: { title: string }) =>
      i.title.startsWith('backend CPU jumped'),
    );
    await api('POST', `/incidents/${incident.id}/comments`, { text: 'looking at the CPU from the CLI' });
    await pwExpect(page.getByRole('list', { name: 'Timeline' })).toContainText('looking at the CPU from the CLI', {
      timeout: 30_000,
    });
  });
});

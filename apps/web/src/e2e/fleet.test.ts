import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard, signIn } from './dashboardSession.js';
import { freePort } from './startOpspilot.js';
import { startSimProcess } from './startSimProcess.js';

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 30_000 });

describe.runIf(chromiumRunnable)('the fleet in the dashboard (real server, real chromium)', () => {
  let session: DashboardSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboard({ signedIn: false, defaultTimeoutMs: 30_000 });
    page = session.page;
  }, 120_000);
  // Each test stands alone: it starts signed in on a fresh page.
  beforeEach(async () => {
    if (!session) throw new Error('no session');
    await signIn(page, session.server);
  }, 30_000);
  afterAll(async () => {
    await session?.close();
  }, 20_000);

  it('shows both simulated clusters on the overview (broken lower), browses one, opens a drawer and asks', {
    timeout: 120_000,
  }, async () => {
    const demo = page.getByRole('article', { name: 'sim-demo' });
    const staging = page.getByRole('article', { name: 'sim-staging' });
    await expect(demo.getByTestId('health-score')).toHaveText(/^\d+\/100$/);
    await expect(demo.getByText('ONLINE', { exact: true })).toBeVisible();
    await expect(staging.getByText('DEGRADED', { exact: true })).toBeVisible();
    await expect(staging.getByTestId('health-score')).toHaveText(/^\d+\/100$/);
    const scoreOf = async (card: typeof demo) =>
      Number.parseInt((await card.getByTestId('health-score').textContent()) ?? '', 10);
    playwrightExpect(await scoreOf(staging)).toBeLessThan(await scoreOf(demo));
    await expect(demo.getByTestId('finding-counts')).toContainText('critical');
    await expect(demo).toContainText(/Namespaces\s*\d+/);
    await expect(staging.getByRole('list', { name: 'Top findings' }).getByRole('listitem').first()).toBeVisible();

    // A finding's "Ask to fix" lands on the Ask page with the fix typed in for that cluster.
    await staging.getByRole('link', { name: 'Ask to fix' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ask' })).toBeVisible();
    await expect(page.getByLabel('What should happen?')).not.toHaveValue('');
    await expect(page.getByLabel('Cluster')).toHaveValue(/.+/);
    await expect(page.getByLabel('Cluster').locator('option:checked')).toHaveText(/staging/i);
    await page.goBack();

    await demo.getByRole('link', { name: /demo/i }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'sim-demo' })).toBeVisible();
    await expect(page.getByTestId('cluster-score')).toHaveText(/^\d+\/100$/);
    const pods = page.getByRole('table', { name: 'Pods' });
    await expect(pods.getByRole('columnheader', { name: 'RESTARTS' })).toBeVisible();
    await expect(pods.getByRole('columnheader', { name: 'NODE', exact: true })).toBeVisible();
    await expect(
      pods
        .getByRole('row')
        .filter({ hasText: /backend-\S+\s*1\/1\s*Running/ })
        .first(),
    ).toBeVisible();

    // Filter by namespace and text, sort by a column.
    await page.getByRole('combobox', { name: 'Namespace', exact: true }).selectOption('todo');
    await page.getByRole('searchbox', { name: 'Filter', exact: true }).fill('frontend');
    await expect(pods.getByRole('row').filter({ hasText: 'backend-' })).toHaveCount(0);
    await expect(pods.getByRole('row').filter({ hasText: 'frontend-' }).first()).toBeVisible();
    await pods.getByRole('button', { name: 'NAME', exact: true }).click();
    await expect(pods.getByRole('columnheader', { name: 'NAME', exact: true })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    // Other tabs: workloads and Kubernetes events.
    await page.getByRole('tab', { name: 'Workloads' }).click();
    await expect(page.getByRole('table', { name: 'Deployments' }).getByRole('row', { name: /frontend/ })).toBeVisible();
    await page.getByRole('tab', { name: 'Pods' }).click();

    // The drawer: YAML, events, related objects (its ReplicaSet and Deployment), and Ask.
    const name =
      (await pods.getByRole('row').filter({ hasText: 'frontend-' }).first().getByRole('button').textContent()) ?? '';
    await pods.getByRole('button', { name, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: `Pod todo/${name}` });
    await expect(drawer.getByRole('region', { name: 'YAML' })).toContainText('kind: Pod');
    await expect(drawer.getByRole('region', { name: 'Related objects' })).toContainText('Deployment/frontend');
    await expect(drawer.getByRole('region', { name: 'Events of it' })).toBeVisible();
    await drawer.getByRole('link', { name: 'Ask', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ask' })).toBeVisible();
    await expect(page.getByLabel('What should happen?')).toHaveValue(`show logs of pod ${name} in namespace todo`);
    await expect(page.getByLabel('Cluster').locator('option:checked')).toHaveText('Simulated demo cluster');
    // The prefilled action plans as it reads (a read: no review needed).
    await page.getByRole('button', { name: 'Plan it' }).click();
    await expect(page.locator('[data-testid="operation"]')).toBeVisible();

    // A change made elsewhere shows up on the cluster page without a reload (RESOURCES_CHANGED on the socket).
    await page.goBack();
    await page.getByRole('searchbox', { name: 'Filter', exact: true }).fill('');
    const other = await page.context().newPage();
    await other.goto(`${session?.server.url}/#/ask`);
    await other.getByLabel('Cluster').selectOption({ label: 'Simulated demo cluster' });
    await other.getByLabel('What should happen?').fill('scale frontend to 3 replicas');
    await other.getByRole('button', { name: 'Plan it' }).click();
    await other.getByRole('button', { name: 'Approve and apply' }).click();
    await other.locator('[data-testid="operation"][data-state="APPLIED"]').waitFor({ timeout: 40_000 });
    await other.close();
    await expect(pods.getByRole('row').filter({ hasText: /frontend-/ })).toHaveCount(3);
  });

  it('says when each top problem was first and last seen and in how many runs, on the overview and the cluster page; each analysis run counts once more', {
    timeout: 120_000,
  }, async () => {
    if (!session) throw new Error('no session');
    const { server } = session;
    const api = async (path: string) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      playwrightExpect(response.status, path).toBe(200);
      return response.json();
    };
    type Summary = {
      name: string;
      cluster_id: string;
      top_findings: { id: string }[];
      top_sightings: { finding_id: string; identity: string; runs: number }[];
    };
    const staging = page.getByRole('article', { name: 'sim-staging' });
    const seenLines = staging.getByRole('list', { name: 'Top findings' }).getByTestId('problem-seen');
    await expect(seenLines.first()).toHaveText(
      /^first seen (now|.+ ago) · last seen (now|.+ ago) · seen in \d+ runs?$/,
    );
    const summary = async () =>
      ((await api('/fleet/overview')) as { clusters: Summary[] }).clusters.find((c) => c.name === 'sim-staging');
    const before = await summary();
    if (!before) throw new Error('sim-staging is not on the overview');
    // Every top problem has its line.
    await expect(seenLines).toHaveCount(before.top_findings.length);

    // An analysis run through the API sees the causes again: the live problems count it (the page refreshes on its
    // FINDING_DETECTED events).
    const run = async () =>
      new Set(
        ((await api(`/clusters/${before.cluster_id}/analysis`)) as { problems: { identity?: string }[] }).problems.map(
          (p) => p.identity,
        ),
      );
    const analysed = await run();
    const sighting = before.top_sightings.find((s) => analysed.has(s.identity));
    if (!sighting) throw new Error(`no top problem of sim-staging was analysed: ${[...analysed].join(', ')}`);
    // Held by its stable id: a run may reorder the top findings.
    const item = staging.locator(`[data-finding-id="${sighting.finding_id}"]`);
    await expect(item.getByTestId('problem-seen')).toHaveText(new RegExp(` · seen in ${sighting.runs + 1} runs$`));
    await run();
    const twice = new RegExp(`^first seen .+ · last seen (now|.+ ago) · seen in ${sighting.runs + 2} runs$`);
    await expect(item.getByTestId('problem-seen')).toHaveText(twice);

    // The cluster page's Findings tab says the same of the same problem.
    await staging
      .getByRole('link', { name: /staging/i })
      .first()
      .click();
    await page.getByRole('tab', { name: 'Findings' }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    await expect(findings.locator(`[data-finding-id="${sighting.finding_id}"]`).getByTestId('problem-seen')).toHaveText(
      twice,
    );
  });

  it('turns a stopped cluster OFFLINE within 30 s on the overview and back ONLINE when it returns, published and audited', {
    timeout: 180_000,
  }, async () => {
    if (!session) throw new Error('no session');
    const { server } = session;
    const port = await freePort();
    let sim = await startSimProcess(port);
    try {
      const registered = await fetch(`${server.url}/api/v1/clusters`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'sim-flaky', api_server_url: sim.url, kubeconfig: sim.kubeconfig }),
      });
      playwrightExpect(registered.status, await registered.clone().text()).toBeLessThan(300);
      const card = page.getByRole('article', { name: 'sim-flaky' });
      await expect(card.getByText('ONLINE', { exact: true })).toBeVisible();
      await expect(card.getByTestId('health-score')).toHaveText(/^\d+\/100$/);

      await sim.stop();
      await expect(card.getByText('OFFLINE', { exact: true })).toBeVisible({ timeout: 30_000 });
      await expect(card).toContainText('Last error');
      // Published: the live event list shows the change as it arrived on the socket.
      await expect(page.getByRole('list', { name: 'Events' })).toContainText('OFFLINE');

      sim = await startSimProcess(port);
      await expect(card.getByText('ONLINE', { exact: true })).toBeVisible({ timeout: 30_000 });

      // Audited: both changes are in the audit log as the system's cluster.status entries.
      const audit = await fetch(`${server.url}/api/v1/audit?action=cluster.status&target=cluster:sim-flaky`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      const states = ((await audit.json()) as { items: { details?: { state?: string } }[] }).items.map(
        (entry) => entry.details?.state,
      );
      playwrightExpect(states).toEqual(playwrightExpect.arrayContaining(['OFFLINE', 'ONLINE']));
    } finally {
      await sim.stop();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard } from './dashboardSession.js';
import { type RunningProcess, startPrometheusFor } from './startObservability.js';
import { freePort } from './startOpspilot.js';
import { type SimProcess, startSimProcess } from './startSimProcess.js';

const SHIPPED_RULES = fileURLToPath(new URL('../../../../packages/observe/rules/opspilot.rules.yml', import.meta.url));

// Web-first assertions retry until the page shows what is expected; a loaded two-core machine needs more than 5 s.
const expect = playwrightExpect.configure({ timeout: 45_000 });

describe.runIf(chromiumRunnable)(
  'the GPU page and workload charts (real server, real Prometheus, real chromium)',
  () => {
    let session: DashboardSession | undefined;
    let page: Page;
    let sim: SimProcess | undefined;
    let prometheus: RunningProcess | undefined;
    let dir = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'opspilot-e2e-gpus-'));
      [session, sim] = await Promise.all([
        openDashboard({ defaultTimeoutMs: 30_000 }),
        freePort().then((port) => startSimProcess(port, 'gpu')),
      ]);
      page = session.page;
      prometheus = await startPrometheusFor(requireSystemTool('prometheus'), sim.url, SHIPPED_RULES, undefined, [
        '/metrics/dcgm',
      ]);
      const response = await fetch(`${session.server.url}/api/v1/clusters`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'gpu-fleet',
          kubeconfig: sim.kubeconfig,
          endpoints: { prometheus_url: prometheus.url },
        }),
      });
      if (!response.ok) throw new Error(`registering gpu-fleet: ${response.status} ${await response.text()}`);
    }, 240_000);

    afterAll(async () => {
      await session?.close();
      await prometheus?.stop();
      await sim?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('shows each GPU node with a card per GPU, the pods on them, and charts of the node', {
      timeout: 180_000,
    }, async () => {
      await page.getByRole('link', { name: 'GPUs', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'GPUs' })).toBeVisible();
      const fleet = page.getByRole('region', { name: 'gpu-fleet' });
      await expect(fleet.getByText('from Prometheus')).toBeVisible();
      // The embedded demo cluster brings one L4 node with 2 GPUs, both held by its inference service; the
      // staging one has no GPU nodes and gets no panel.
      const demo = page.getByRole('region', { name: 'sim-demo' });
      const l4 = demo.getByRole('region', { name: 'GPU node gpu-l4-1' });
      await expect(l4).toContainText('NVIDIA-L4', { timeout: 60_000 });
      await expect(l4.getByRole('listitem').filter({ hasText: 'ml/llm-inference-' })).toHaveCount(2, {
        timeout: 60_000,
      });
      await expect(page.getByRole('region', { name: 'sim-staging' })).toHaveCount(0);
      const a100 = fleet.getByRole('region', { name: 'GPU node gpu-a100-1' });
      await expect(a100).toContainText('NVIDIA-A100-SXM4-80GB');
      await expect(a100.getByRole('listitem')).toHaveCount(4);
      await expect(fleet.getByRole('region', { name: 'GPU node gpu-l4-1' }).getByRole('listitem')).toHaveCount(2);
      // The fine-tuning job holds four A100s at over 85 % (the page follows GPU_UPDATE events and refetches).
      const training = fleet.getByRole('listitem').filter({ hasText: 'ml/llama-finetune-' });
      await expect(training).toHaveCount(4, { timeout: 90_000 });
      const meter = training.first().getByRole('meter', { name: 'Utilisation' });
      await expect(async () => {
        playwrightExpect(Number(await meter.getAttribute('value'))).toBeGreaterThan(85);
      }).toPass({ timeout: 60_000 });
      await expect(training.first()).toContainText(/\d+ °C/);
      await expect(training.first()).toContainText(/\d+ \/ 400 W/);

      await fleet.getByRole('region', { name: 'GPU node gpu-l4-1' }).getByRole('button', { name: 'Charts' }).click();
      const chart = page.getByRole('figure', { name: 'gpu-l4-1 · Utilisation' });
      await expect(chart.getByTestId('time-series-chart').locator('canvas')).toBeVisible({ timeout: 90_000 });
      await expect(chart.getByTestId('time-series-chart')).toHaveAttribute('data-series', '2');
      await expect(chart.locator('.u-legend')).toContainText('GPU 0 (llm-inference-');
      await expect(page.getByRole('figure', { name: 'gpu-l4-1 · Power draw' }).locator('canvas')).toBeVisible();
    });

    it("charts a workload's CPU, memory and request rate in its drawer", { timeout: 120_000 }, async () => {
      await page.getByRole('link', { name: 'Overview', exact: true }).click();
      await page.getByRole('article', { name: 'sim-demo' }).getByRole('link', { name: /demo/i }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'sim-demo' })).toBeVisible();
      await page.getByRole('tab', { name: 'Workloads' }).click();
      await page
        .getByRole('table', { name: 'Deployments' })
        .getByRole('row', { name: /backend/ })
        .getByRole('button', { name: 'backend' })
        .click();
      const drawer = page.getByRole('dialog', { name: 'Deployment todo/backend' });
      const metrics = drawer.getByRole('region', { name: 'Metrics of it' });
      const cpu = metrics.getByRole('figure', { name: 'CPU per pod of a workload' });
      await expect(cpu.locator('canvas')).toBeVisible({ timeout: 90_000 });
      // Two backend replicas.
      await expect(cpu.getByTestId('time-series-chart')).toHaveAttribute('data-series', '2');
      await expect(
        metrics.getByRole('figure', { name: 'Memory per pod of a workload' }).locator('canvas'),
      ).toBeVisible();
      await expect(
        metrics.getByRole('figure', { name: 'HTTP requests per second of a workload' }).locator('canvas'),
      ).toBeVisible({ timeout: 90_000 });
    });
  },
);

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import { expect as playwrightExpect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumRunnable, type DashboardSession, openDashboard, signIn } from './dashboardSession.js';
import {
  type RunningProcess,
  redirectAlertmanager,
  startAlertmanagerFor,
  startPrometheusFor,
} from './startObservability.js';
import { freePort } from './startOpspilot.js';
import { type SimProcess, startSimProcess } from './startSimProcess.js';

const SHIPPED_RULES = fileURLToPath(new URL('../../../../packages/observe/rules/opspilot.rules.yml', import.meta.url));
const DEMO = fileURLToPath(new URL('../../../../packages/kube-sim/scenarios/demo.yaml', import.meta.url));
// The in-cluster Prometheus of the demo has no CPU limit: at 100 times its usage (20m) it uses two cores, which the
// shipped PodCpuSpike rule catches within seconds (more than one core without a limit, held for 30 s).
const SPIKE = [
  '---',
  'apiVersion: sim.opspilot.dev/v1',
  'kind: Anomaly',
  'metadata: { name: prometheus-cpu-spike }',
  'spec: { type: cpu-spike, namespace: monitoring, selector: { app: prometheus }, after: 12s, duration: 30m, magnitude: 100 }',
  '',
].join('\n');
const CPU = 'sum(rate(container_cpu_usage_seconds_total{namespace="monitoring",container!=""}[3s]))';
const expect = playwrightExpect.configure({ timeout: 60_000 });

interface Answer {
  status: string;
  results: { cluster_name: string; status: string; error?: string; data: { values: [number, string][] }[] }[];
}

describe.runIf(chromiumRunnable)(
  'a scheduled CPU spike: federated query over two Prometheus, shipped rule, Alertmanager, Alerts page (real binaries)',
  () => {
    let session: DashboardSession | undefined;
    let page: Page;
    const sims: SimProcess[] = [];
    const daemons: RunningProcess[] = [];
    let westPrometheus: RunningProcess | undefined;
    let ids: { east: string; west: string } = { east: '', west: '' };
    let dir = '';

    const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
      if (!session) throw new Error('no session');
      const response = await fetch(`${session.server.url}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${session.server.token}`, 'content-type': 'application/json' },
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const cpuOfLastMinutes = () => {
      const end = new Date();
      const params = new URLSearchParams({
        query: CPU,
        cluster_ids: `${ids.east},${ids.west}`,
        start_time: new Date(end.getTime() - 300_000).toISOString(),
        end_time: end.toISOString(),
        step: '1s',
        timeout: '5',
      });
      return api<Answer>(`/metrics/query_range?${params}`);
    };

    beforeAll(async () => {
      const prometheus = requireSystemTool('prometheus');
      const alertmanager = requireSystemTool('alertmanager');
      dir = mkdtempSync(join(tmpdir(), 'opspilot-e2e-spike-'));
      // The spike is scheduled in east's scenario, counted from when east loads it.
      const scenario = join(dir, 'demo-with-spike.yaml');
      writeFileSync(scenario, `${readFileSync(DEMO, 'utf8')}\n${SPIKE}`);
      const paths = ['/metrics/cadvisor', '/metrics/kube-state', '/metrics/apps'];
      // The clusters, both Prometheus and Alertmanager start while opspilot does, so the spike and the rule's 30 s
      // run meanwhile; Alertmanager is told where opspilot is once it listens.
      const stack = async () => {
        // Prometheus first, on the clusters' ports: it scrapes each cluster from the moment it listens, so east's
        // baseline before the spike is there however slowly the clusters start.
        const [eastPort, westPort] = await Promise.all([freePort(), freePort()]);
        const am = await startAlertmanagerFor(alertmanager, 'http://127.0.0.1:9/opspilot-not-started-yet', 'none');
        daemons.push(am);
        const [eastPrometheus, west_] = await Promise.all([
          startPrometheusFor(prometheus, `https://127.0.0.1:${eastPort}`, SHIPPED_RULES, am.url, paths),
          startPrometheusFor(prometheus, `https://127.0.0.1:${westPort}`, SHIPPED_RULES, undefined, paths),
        ]);
        daemons.push(eastPrometheus);
        westPrometheus = west_;
        const [east, west] = await Promise.all([
          startSimProcess(eastPort, scenario),
          startSimProcess(westPort, 'demo'),
        ]);
        sims.push(east, west);
        return { east, west, am, eastPrometheus: eastPrometheus.url, westPrometheus: west_.url };
      };
      const [opened, started] = await Promise.allSettled([openDashboard({ defaultTimeoutMs: 30_000 }), stack()]);
      if (opened.status === 'fulfilled') session = opened.value;
      if (opened.status === 'rejected') throw opened.reason;
      if (started.status === 'rejected') throw started.reason;
      page = opened.value.page;
      const { server } = opened.value;
      const { east, west, am } = started.value;
      const register = (name: string, sim: SimProcess, prometheusUrl: string) =>
        api<{ id: string }>('/clusters', {
          method: 'POST',
          body: JSON.stringify({ name, kubeconfig: sim.kubeconfig, endpoints: { prometheus_url: prometheusUrl } }),
        });
      const [e, w] = await Promise.all([
        register('spike-east', east, started.value.eastPrometheus),
        register('spike-west', west, started.value.westPrometheus),
      ]);
      ids = { east: e.id, west: w.id };
      await redirectAlertmanager(am, `${server.url}/api/webhooks/alertmanager?cluster=spike-east`, server.token);
    }, 240_000);

    afterAll(async () => {
      await session?.close();
      await Promise.all([...daemons, ...(westPrometheus ? [westPrometheus] : [])].map((d) => d.stop()));
      await Promise.all(sims.map((s) => s.stop()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('shows the spike in a federated range query, PARTIAL naming the cluster whose Prometheus went down', {
      timeout: 120_000,
    }, async () => {
      // Both Prometheus answer: east's CPU goes from its baseline (20m) to over a core once the anomaly starts; west's
      // stays at its baseline.
      await expect
        .poll(
          async () => {
            const answer = await cpuOfLastMinutes();
            const [east, west] = answer.results;
            const values = (r: typeof east) => (r?.data[0]?.values ?? []).map(([, v]) => Number(v));
            const eastValues = values(east).filter((v) => v > 0);
            return {
              status: answer.status,
              clusters: [east?.cluster_name, east?.status, west?.cluster_name, west?.status],
              eastBaseline: eastValues.some((v) => v < 0.1),
              eastSpike: eastValues.some((v) => v > 1),
              westSpike: values(west).some((v) => v > 0.1),
            };
          },
          { timeout: 90_000, intervals: [1_000] },
        )
        .toEqual({
          status: 'SUCCESS',
          clusters: ['spike-east', 'SUCCESS', 'spike-west', 'SUCCESS'],
          eastBaseline: true,
          eastSpike: true,
          westSpike: false,
        });

      await westPrometheus?.stop();
      const answer = await cpuOfLastMinutes();
      expect(answer.status).toBe('PARTIAL');
      const [east, west] = answer.results;
      expect(east).toMatchObject({ cluster_name: 'spike-east', status: 'SUCCESS' });
      expect(Math.max(...(east?.data[0]?.values ?? []).map(([, v]) => Number(v)))).toBeGreaterThan(1);
      expect(west).toMatchObject({ cluster_name: 'spike-west', status: 'ERROR', data: [] });
      expect(west?.error).toMatch(/^spike-west: Prometheus at http:\/\/127\.0\.0\.1:\d+ cannot be reached/);

      // The same on the Metrics page's PromQL box: the whole answer PARTIAL, the failed cluster named, east charted.
      if (!session) throw new Error('no session');
      await signIn(page, session.server);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics', exact: true }).click();
      const promql = CPU.replace('[3s]', '[1m]');
      await page.getByLabel('PromQL query').fill(promql);
      await page.getByRole('button', { name: 'Run' }).click();
      const status = page.getByRole('status').filter({ hasText: /^PARTIAL:/ });
      await expect(status).toContainText('spike-east SUCCESS');
      await expect(status).toContainText('spike-west ERROR');
      await expect(
        page.getByText(/^spike-west: Prometheus at http:\/\/127\.0\.0\.1:\d+ cannot be reached/),
      ).toBeVisible();
      await expect(page.getByRole('figure', { name: promql }).getByTestId('time-series-chart')).toHaveAttribute(
        'data-series',
        '1',
      );
    });

    it('fires the shipped PodCpuSpike rule through Alertmanager onto the Alerts table and timeline', {
      timeout: 240_000,
    }, async () => {
      if (!session) throw new Error('no session');
      await signIn(page, session.server);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
      // The rule holds for 30 s of Prometheus time after the spike starts (much of it while opspilot started); the page
      // refreshes every 5 s.
      const row = page.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ hasText: 'PodCpuSpike' });
      // Prometheus holds the rule for 30 s, then Alertmanager groups it: a loaded machine needs longer than 60 s.
      await expect(row).toBeVisible({ timeout: 180_000 });
      await expect(row).toContainText('FIRING');
      await expect(row).toContainText('WARNING');
      await expect(row).toContainText('spike-east');
      await expect(row).toContainText(/CPU spike in monitoring\/prometheus-\S+ \(prometheus\)/);
      // On the timeline, a bar from when it started that is still open (firing to the window's end).
      const bar = page
        .getByTestId('alert-timeline')
        .getByTestId('timeline-row')
        .filter({ hasText: 'PodCpuSpike · firing' })
        .locator('span[title]')
        .last();
      await expect(bar).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT\S+ → firing$/);
      await expect(bar).toHaveClass(/bg-amber-500/);
    });
  },
);

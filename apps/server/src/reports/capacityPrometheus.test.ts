import { type Cluster, objectsOf, parseQuantity } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const DAY_S = 86_400;

/** Sums a resource of the simulated cluster now: allocatable of its Nodes, requests of its running Pods. */
async function liveTotals(t: TestApi, cluster: Cluster) {
  const gateway = await t.services.gateways.get(cluster.id);
  const snapshot = await gateway.snapshot({ kinds: ['Node', 'Pod'] });
  const sum = (values: unknown[]) => values.reduce<number>((a, v) => a + (parseQuantity(v) ?? 0), 0);
  const pods = objectsOf(snapshot, 'Pod').filter(
    (p) => !['Succeeded', 'Failed'].includes((p.status as { phase?: string } | undefined)?.phase ?? ''),
  );
  const requests = (r: string) =>
    sum(
      pods.flatMap((p) =>
        ((p.spec as { containers?: { resources?: { requests?: Record<string, unknown> } }[] }).containers ?? []).map(
          (c) => c.resources?.requests?.[r],
        ),
      ),
    );
  const alloc = (r: string) =>
    sum(
      objectsOf(snapshot, 'Node').map((n) => (n.status as { allocatable?: Record<string, unknown> }).allocatable?.[r]),
    );
  return { cpu: requests('cpu'), memory: requests('memory'), allocCpu: alloc('cpu'), allocMemory: alloc('memory') };
}

/**
 * Fifteen days of kube-state-metrics and cAdvisor series every 2 minutes, ending 5 minutes ago at the live values:
 * CPU requests grow linearly so that they reach allocatable 20.5 days after now, memory requests stay flat, memory
 * usage grows to reach allocatable 30.5 days after now, CPU usage grows slowly.
 */
function history(nowS: number, live: Awaited<ReturnType<typeof liveTotals>>): string {
  const end = nowS - 300;
  const cpuSlope = (live.allocCpu - live.cpu) / 20.5;
  const memUseNow = live.allocMemory * 0.5;
  const memUseSlope = (live.allocMemory - memUseNow) / 30.5;
  const pod = 'namespace="history",pod="load-0",container="load"';
  const lines: string[] = [
    '# TYPE kube_pod_container_resource_requests gauge',
    '# TYPE kube_node_status_allocatable gauge',
    '# TYPE container_memory_working_set_bytes gauge',
    '# TYPE container_cpu_usage_seconds_total counter',
  ];
  const byMetric: Record<string, string[]> = { req: [], alloc: [], mem: [], cpu: [] };
  let cpuCounter = 0;
  for (let ts = end - 15 * DAY_S; ts <= end; ts += 120) {
    const daysBeforeNow = (nowS - ts) / DAY_S;
    byMetric.req!.push(
      `kube_pod_container_resource_requests{${pod},resource="cpu",unit="core"} ${live.cpu - cpuSlope * daysBeforeNow} ${ts}`,
      `kube_pod_container_resource_requests{${pod},resource="memory",unit="byte"} ${live.memory} ${ts}`,
    );
    byMetric.alloc!.push(
      `kube_node_status_allocatable{node="node-1",resource="cpu",unit="core"} ${live.allocCpu} ${ts}`,
      `kube_node_status_allocatable{node="node-1",resource="memory",unit="byte"} ${live.allocMemory} ${ts}`,
    );
    byMetric.mem!.push(`container_memory_working_set_bytes{${pod}} ${memUseNow - memUseSlope * daysBeforeNow} ${ts}`);
    cpuCounter += 120 * (0.5 + 0.01 * (15 - daysBeforeNow));
    byMetric.cpu!.push(`container_cpu_usage_seconds_total{${pod}} ${cpuCounter} ${ts}`);
  }
  // OpenMetrics wants every sample of a metric family together.
  return [
    lines[0],
    ...byMetric.req!,
    lines[1],
    ...byMetric.alloc!,
    lines[2],
    ...byMetric.mem!,
    lines[3],
    ...byMetric.cpu!,
    '# EOF',
    '',
  ].join('\n');
}

describe('the capacity plan reads its history from a real Prometheus', () => {
  let t: TestApi;
  let sim: SimCluster;
  let prometheus: RunningDaemon;
  let cluster: Cluster;
  let live: Awaited<ReturnType<typeof liveTotals>>;

  beforeAll(async () => {
    t = await startTestApi();
    // The report's period ends now: Prometheus keeps wall-clock time.
    await t.clock.advance(Date.now() - t.clock.now().getTime());
    sim = await startSimCluster({ scenario: 'demo' });
    const added = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'capacity',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    expect(added.statusCode, added.body).toBe(200);
    cluster = added.json();
    live = await liveTotals(t, cluster);
    expect(live.allocCpu).toBeGreaterThan(live.cpu);
    prometheus = await startPrometheus({ targets: [], history: history(Math.floor(Date.now() / 1000), live) });
    const set = await t.rest('PATCH', `/clusters/${cluster.id}`, t.users.admin.token, {
      endpoints: { prometheus_url: prometheus.url },
    });
    expect(set.statusCode, set.body).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    await sim?.stop();
    await t?.close();
  });

  it('forecasts when requests and usage reach allocatable from fifteen days of history', {
    timeout: 90_000,
  }, async () => {
    const generated = await t.rest('POST', '/reports/generate', t.users.admin.token, {
      report_type: 'CAPACITY_PLAN',
      format: 'JSON',
      cluster_ids: ['capacity'],
      days: 14,
    });
    expect(generated.statusCode, generated.body).toBe(200);
    const doc = JSON.parse(
      (await t.rest('GET', `/reports/${generated.json().id}`, t.users.viewer.token)).json().content,
    );
    const section = doc.sections.find((s: { id: string }) => s.id === 'capacity');
    expect(section.status).toBe('OK');
    const summary = section.summary.join('\n');
    expect(summary).not.toContain('unknown');
    expect(summary).toContain(
      `CPU: requests are ${Math.round((live.cpu / live.allocCpu) * 100)} % of allocatable and reach it in about 21 days at the current pace.`,
    );
    expect(summary).toContain('Memory: requests are');
    expect(summary).toMatch(/Memory: requests are \d+ % of allocatable and are not growing\./);
    expect(summary).toContain(
      'Memory: usage is 50 % of allocatable and reaches it in about 31 days at the current pace.',
    );
    expect(summary).toMatch(/CPU: usage is \d+ % of allocatable and reaches it in about \d+ days/);
    const rows = section.tables[0].rows as string[][];
    expect(rows.map((r) => r[0])).toEqual(['CPU', 'CPU usage', 'Memory', 'Memory usage']);
    expect(rows[0]?.[6]).toBe('in 21 d');
    // About 250 points of history a fortnight, plus the live requests now.
    const cpuChart = section.charts[0];
    const requests = cpuChart.series.find((s: { name: string }) => s.name === 'requests');
    expect(requests.points.length).toBeGreaterThan(200);
    expect(cpuChart.series.map((s: { name: string }) => s.name)).toContain('usage forecast');
  });

  it('says the trend is unknown when Prometheus keeps no history for the cluster', { timeout: 60_000 }, async () => {
    const empty = await startPrometheus({ targets: [] });
    try {
      await t.rest('PATCH', `/clusters/${cluster.id}`, t.users.admin.token, {
        endpoints: { prometheus_url: empty.url },
      });
      const generated = await t.rest('POST', '/reports/generate', t.users.admin.token, {
        report_type: 'CAPACITY_PLAN',
        format: 'MARKDOWN',
        cluster_ids: ['capacity'],
      });
      const md = (await t.rest('GET', `/reports/${generated.json().id}`, t.users.viewer.token)).json().content;
      expect(md).toContain('the trend is unknown (no history: only the requests now)');
      expect(md).toContain('No history of requests is kept for these clusters');
    } finally {
      await t.rest('PATCH', `/clusters/${cluster.id}`, t.users.admin.token, {
        endpoints: { prometheus_url: prometheus.url },
      });
      await empty.stop();
    }
  });
});
